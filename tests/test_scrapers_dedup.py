"""Near-duplicate detection: simhash candidates confirmed by shingle overlap."""
from scrapers.dedup import DuplicateIndex, hamming, jaccard, shingles, simhash

STORY = ("Năm 2021, công tác xây dựng Đảng và hệ thống chính trị của tỉnh tiếp tục được quan tâm, đạt nhiều kết quả "
         "quan trọng. Toàn Đảng bộ đã kết nạp được 3.012 đảng viên mới, đạt 100,4% kế hoạch; thành lập mới 24 tổ chức "
         "đảng trong doanh nghiệp ngoài khu vực nhà nước. Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên "
         "đạt 91,5%. Công tác kiểm tra, giám sát được tăng cường với 1.250 cuộc kiểm tra, giám sát của cấp ủy.")
SYNDICATED = STORY.replace("Năm 2021,", "Trong năm 2021,") + " (Theo Báo Hà Tĩnh)"
OTHER = ("Năm 2021, kim ngạch xuất khẩu hàng hóa của tỉnh ước đạt 6,1 tỷ USD, tăng 25,3% so với năm trước; kim ngạch "
         "nhập khẩu ước đạt 5,2 tỷ USD. Các mặt hàng xuất khẩu chủ lực vẫn là linh kiện điện tử, ô tô, xe máy và hàng "
         "dệt may. Khu vực có vốn đầu tư nước ngoài chiếm 89% tổng kim ngạch xuất khẩu của tỉnh trong năm qua.")


def test_syndicated_copies_are_close_and_other_stories_far():
    assert hamming(simhash(STORY), simhash(SYNDICATED)) <= 10
    assert hamming(simhash(STORY), simhash(OTHER)) > 18
    assert jaccard(shingles(STORY), shingles(SYNDICATED)) > 0.8
    assert simhash(STORY) == simhash(STORY.upper().replace(",", " ,"))  # case and punctuation do not count


def test_index_finds_the_stored_copy_and_nothing_else():
    texts = {"a": STORY, "b": OTHER}
    idx = DuplicateIndex()
    for k, t in texts.items():
        idx.add(k, simhash(t))
    assert idx.find(SYNDICATED, simhash(SYNDICATED), texts.get) == "a"
    third = OTHER.replace("6,1 tỷ USD", "7 tỷ USD").replace("linh kiện", "thiết bị")
    assert idx.find(third, simhash(third), texts.get) == "b"
    new = "Tỉnh tổ chức hội nghị tổng kết công tác dân vận năm 2021 với sự tham dự của 300 đại biểu. " * 3
    assert idx.find(new, simhash(new), texts.get) is None


def test_short_texts_match_only_when_identical():
    idx = DuplicateIndex()
    idx.add("s", simhash("Thu ngân sách đạt 16.916 tỷ đồng."))
    texts = {"s": "Thu ngân sách đạt 16.916 tỷ đồng."}
    assert idx.find("Thu ngân sách đạt 16.916 tỷ đồng.", simhash("Thu ngân sách đạt 16.916 tỷ đồng."), texts.get) == "s"
    assert idx.find("Thu ngân sách đạt 16.917 tỷ đồng.", simhash("Thu ngân sách đạt 16.917 tỷ đồng."), texts.get) is None
