"""Units and counted nouns: what a number counts (`xã`, `nhiệm vụ`, `quần chúng ưu tú`, `tấn`).

ANNOTATION.md keeps the counted noun as written. Measurement units are one token (`tấn`, `ha`);
counted nouns are the longest entry of the lexicon below, else the first word of the phrase.
"""
from __future__ import annotations

MEASURES = {
    "tấn", "kg", "tạ", "yến", "gam", "g", "ha", "héc-ta", "hécta", "km", "m", "m2", "m²", "m3", "m³", "cm", "mm",
    "lít", "l", "MW", "kW", "kWh", "GWh", "MWh", "km2", "km²", "sào", "mẫu", "con", "chiếc", "cái", "suất", "lượt",
    "TEU", "triệu", "tỷ", "tấm", "căn", "ngôi", "bộ", "cuốn", "bản", "liều", "mũi", "giường", "phòng", "ô",
    "điểm", "cây", "quả", "lô", "khẩu", "thửa", "m³/ngày", "kcal", "°C", "độ",
}
# Counted nouns of several syllables, as they appear in provincial reports.
COUNTED = [
    "quần chúng ưu tú", "tổ chức cơ sở đảng", "tổ chức đảng", "tổ chức chính trị - xã hội", "đảng viên mới",
    "đảng viên", "người đứng đầu", "nhóm đối tượng", "cơ quan", "đơn vị", "nhiệm vụ", "chỉ tiêu", "tiêu chí",
    "điểm cầu", "đại biểu", "khu dân cư", "vườn mẫu", "nghị quyết chuyên đề", "nghị quyết", "đảng bộ", "chi bộ",
    "cá nhân", "tập thể", "loại rừng", "việc làm", "lao động", "doanh nghiệp", "dự án", "hộ nghèo", "hộ cận nghèo",
    "hộ gia đình", "hộ dân", "hộ", "người", "lượt người", "lượt khách", "du khách", "khách", "thôn", "xóm", "bản",
    "tổ dân phố", "trường", "trường học", "công trình", "học sinh", "sinh viên", "bác sĩ", "giường bệnh",
    "cán bộ", "công chức", "viên chức", "hội viên", "đoàn viên", "thanh niên", "hợp tác xã", "cụm công nghiệp",
    "khu công nghiệp", "sản phẩm OCOP", "sản phẩm", "ngôi nhà", "căn nhà", "nhà", "km đường", "tuyến đường",
    "vụ", "vụ việc", "vụ án", "đối tượng", "bị can", "ý kiến", "kiến nghị", "đơn thư", "đơn", "cuộc", "cuộc thanh tra",
    "cuộc kiểm tra", "văn bản", "thủ tục hành chính", "thủ tục", "hồ sơ", "tác phẩm", "giải", "huy chương",
    "xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố", "tỉnh", "huyện, thành phố", "huyện, thành, thị",
    "sở", "ban", "ngành", "lớp", "lớp học", "buổi", "hội nghị", "đợt", "đoàn", "chương trình", "đề án", "mô hình",
    "thành viên", "bằng khen", "giấy khen", "cờ thi đua", "khu", "điểm", "nhà văn hóa", "trạm y tế",
    "trẻ em", "người lao động", "người dân", "nhân khẩu", "ca", "ca mắc", "bệnh nhân", "nhà đầu tư", "hợp đồng",
    "con", "chiếc", "lượt", "suất", "phần quà", "suất quà", "căn hộ", "ô tô", "xe", "tàu", "phương tiện",
]
_COUNTED_SPLIT = sorted((c.split() for c in COUNTED), key=len, reverse=True)
# Words that never start a counted noun: verbs, prepositions, conjunctions.
NOT_NOUN = {
    "so", "với", "và", "trong", "đến", "tới", "của", "là", "được", "đạt", "tăng", "giảm", "trên", "dưới", "hơn",
    "theo", "từ", "cho", "tại", "ở", "thì", "mà", "nhưng", "hoặc", "hay", "nên", "vì", "do", "để", "bằng", "về",
    "còn", "có", "đã", "sẽ", "đang", "vượt", "chiếm", "gồm", "như", "khi", "này", "đó", "nay", "lần", "trở",
    "năm", "tháng", "ngày", "quý", "tuần", "giờ", "phút", "thứ", "the", "of", "và", "cùng", "kỳ", "nữa", "thêm",
    "trước", "sau", "lên", "xuống", "ra", "vào", "ước", "dự", "kiến", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm",
    "mươi", "chục", "lẻ", "linh", "phần", "điểm", "đơn", "bình", "quân", "trung", "mỗi", "các", "những", "mọi",
}


def counted_noun(toks, j: int, text: str):
    """(noun as written, index of its last token) for the noun after token j-1, else (None, j-1)."""
    if j >= len(toks) or toks[j].kind != "word":
        return None, j - 1
    gap = text[toks[j - 1].end:toks[j].start] if j > 0 else ""
    if gap not in (" ", "\u00a0") and not (gap == "" and toks[j].text in MEASURES):
        return None, j - 1
    words = []
    k = j
    while k < len(toks) and len(words) < 5:
        t = toks[k]
        if t.kind != "word" and not (t.text in (",", "-") and words):
            break
        if k > j and text[toks[k - 1].end:t.start] not in (" ", ""):
            break
        words.append(t.text)
        k += 1
    low = [w.lower() for w in words]
    for cand in _COUNTED_SPLIT:
        n = len(cand)
        if low[:n] == cand:
            # `huyện, thành phố`: the lexicon has the comma form as tokens with commas
            return text[toks[j].start:toks[j + n - 1].end], j + n - 1
    first = words[0] if words else None
    if not first or first in (",", "-"):
        return None, j - 1
    if first in MEASURES or first.lower() in MEASURES:
        return first, j
    if first.lower() in NOT_NOUN or first.isupper():
        return None, j - 1
    # Not in the lexicon: the first word of underthesea's segmentation of the phrase.
    n = _first_word_syllables(" ".join(w for w in words if w not in (",", "-")))
    if n == 0:
        return None, j - 1
    last = j + n - 1
    noun = text[toks[j].start:toks[last].end]
    if first[0].isupper() and _is_place(noun):
        return None, j - 1
    return noun, last


def _first_word_syllables(phrase: str) -> int:
    from underthesea import word_tokenize
    toks = word_tokenize(phrase)
    return len(toks[0].split()) if toks else 0


def _is_place(noun: str) -> bool:
    from extractors.gazetteer import find_province
    return find_province(noun) is not None
