"""Fixture sites no profile describes, with article URLs that say nothing of what they are: a news site with
short article URLs (`/tin-tuc/<short-id>.html`, `/tin/1234`, `/bai-viet/ten-ngan.html`) and an ASP.NET
WebForms portal (`ChiTietTinTuc.aspx?nid=…`, listing `DanhSachTin.aspx?page=2`). Both have robots.txt,
pagination and page chrome (menus, a most-read box, related articles, footers); the news site has an RSS
feed and listings whose snippets are whole sentences. The article bodies are paragraphs of the bundled
corpus (real Vietnamese provincial news). Real HTTP servers on 127.0.0.1 (`sitefixtures.FixtureServer`).

`ARTICLES[site]` lists what a crawl must store: title, date, the figures its text holds; `CHROME` the
words of the pages' chrome that no stored text may hold.
"""
from __future__ import annotations

from html import escape

from sitefixtures import FixtureServer

P = {  # paragraphs of corpus/ (000, 001, 003, 004)
    "giao1": "Chiều 7/1, dưới sự chủ trì của đồng chí Hoàng Thị Thúy Lan, Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy, Chủ tịch "
             "HĐND tỉnh, Trưởng đoàn ĐBQH tỉnh, Ban Thường vụ (BTV) Tỉnh ủy họp đánh giá kết quả thực hiện việc giao "
             "nhiệm vụ, đánh giá cán bộ bằng sản phẩm năm 2021.",
    "giao2": "Xác định đánh giá cán bộ là khâu đầu tiên, có ý nghĩa quan trọng và quyết định tới toàn bộ các khâu của "
             "công tác cán bộ, năm 2021, BTV Tỉnh ủy đã thực hiện giao nhiệm vụ và đánh giá cán bộ bằng sản phẩm cho 3 "
             "nhóm đối tượng, gồm BTV gắn với cá nhân bí thư, chủ tịch UBND 9 huyện, thành ủy; 13 cơ quan, đơn vị khối "
             "Đảng, MTTQ và các tổ chức chính trị - xã hội cấp tỉnh; giám đốc 6 sở.",
    "giao3": "Theo đánh giá của Tỉnh ủy, sau 1 năm thực hiện, việc giao nhiệm vụ và đánh giá cán bộ bằng sản phẩm đã "
             "đạt được những kết quả khả quan, nhiều chỉ tiêu, nhiệm vụ đạt và vượt kế hoạch được giao như Bí thư các "
             "huyện, thành ủy, đảng ủy trực thuộc đã chỉ đạo làm tốt công tác phát triển đảng viên, đã kết nạp được "
             "2.101/2.000 chỉ tiêu được giao, thành lập mới 24 tổ chức đảng trong doanh nghiệp, vượt 5 tổ chức so với "
             "kết quả thực hiện của cả nhiệm kỳ trước.",
    "dau1": "Với sự đồng lòng, quyết tâm của cả hệ thống chính trị, sự quyết liệt thực thi của toàn bộ lãnh đạo chính "
            "quyền Tỉnh cùng các sở, ban, ngành, đoàn thể và địa phương, đặc biệt là người đứng đầu, năm 2022, nhiều "
            "chỉ tiêu, nhiệm vụ của Tỉnh đã đạt và vượt kế hoạch, trong đó, có nhiều nhiệm vụ khó, mới.",
    "dau2": "Theo báo cáo của Tỉnh ủy Vĩnh Phúc, năm 2022, người đứng đầu các cơ quan chuyên trách tham mưu, giúp việc "
            "Tỉnh ủy, mặt trận tổ quốc và các tổ chức chính trị xã hội cấp tỉnh hoàn thành 20/23 nhiệm vụ, đạt xấp xỉ "
            "87%; 12 Giám đốc các sở hoàn thành 28/60 nhiệm vụ và hoàn thành từ 80% trở lên 22/60 chỉ tiêu, nhiệm vụ; "
            "Bí thư, Chủ tịch UBND 9 huyện, thành phố hoàn thành và vượt nhiều chỉ tiêu của 5 nhóm nhiệm vụ được giao.",
    "dau3": "Đối với các chỉ tiêu về kinh tế - xã hội, an ninh quốc phòng, các huyện, thành phố đều đạt từ 80% trở lên "
            "các chỉ tiêu được giao; 8/9 huyện, thành phố có tốc độ tăng giá trị sản xuất đạt và vượt chỉ tiêu; 7/9 "
            "huyện, thành phố hoàn thành chỉ tiêu giải quyết trên 90% đơn thư khiếu nại tố cáo.",
    "nhan1": "Với những nỗ lực và quyết tâm của toàn hệ thống chính trị, tổng hợp đánh giá kết quả công tác lãnh đạo, "
             "chỉ đạo các nhiệm vụ phát triển kinh tế - xã hội năm 2022 của UBND tỉnh Vĩnh Phúc cho thấy có 10 điểm "
             "nhấn nổi bật.",
    "nhan2": "Thứ nhất, phương thức lãnh đạo của Đảng được đổi mới rõ nét; cấp ủy, chính quyền ngày càng sâu sát, cụ "
             "thể, gần dân, sát dân và hướng tới nhân dân. Điều này thể hiện ở kết quả thực tế trong năm, khi Tỉnh đã "
             "ban hành 44 cơ chế, chính sách; trong đó chủ yếu các cơ chế, chính sách thúc đẩy nâng cao đời sống, thu "
             "nhập và phúc lợi cho nhân dân.",
    "nhan3": "Thứ tư, đổi mới hoạt động của HĐND các cấp thông qua chất lượng các hoạt động giám sát, chất vấn sâu sát, "
             "hiệu quả có trọng tâm, trọng điểm; cụ thể: Tăng cường hoạt động giám sát, thẩm tra, tiếp xúc cử tri; "
             "nhiều vấn đề nóng, điểm nghẽn của Tỉnh được thảo luận, chất vấn, tháo gỡ tại kỳ họp.",
    "ht1": "Sáng nay (19/1), Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh tổ chức hội nghị trực tuyến tổng kết công tác năm 2021, "
           "triển khai nhiệm vụ năm 2022. Hội nghị được trực tuyến đến 267 điểm cầu từ cấp tỉnh đến cấp xã, với sự "
           "tham dự của gần 8.000 đại biểu.",
    "ht2": "Ban Chấp hành Đảng bộ tỉnh và Ban Thường vụ Tỉnh ủy ban hành 6 nghị quyết chuyên đề quan trọng và nhiều chỉ "
           "thị, kết luận về phát triển kinh tế - xã hội. Với sự tập trung lãnh đạo, chỉ đạo của cả hệ thống chính "
           "trị, có 9/17 chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch đề ra.",
    "ht3": "Tăng trưởng kinh tế (GRDP) đạt 5,02%, xếp thứ 32/63 tỉnh; GRDP bình quân đầu người đạt 67 triệu đồng; thu "
           "ngân sách đạt 16.916 tỷ đồng; giải ngân vốn đầu tư công đạt 87,6%; sản xuất nông nghiệp được mùa.",
    "ntm1": "Đến nay, toàn tỉnh đã có 171/182 xã (tỷ lệ 94%) đạt chuẩn nông thôn mới (NTM), 19 xã đạt chuẩn NTM nâng "
            "cao, 2 xã NTM kiểu mẫu, 747 khu dân cư NTM kiểu mẫu, 7.244 vườn mẫu đạt chuẩn; 8/13 huyện, thành phố, thị "
            "xã đạt chuẩn/hoàn thành nhiệm vụ xây dựng NTM.",
    "ntm2": "Trong năm đã thu hút 55 dự án đầu tư, trong đó: 54 dự án trong nước với tổng số vốn đăng ký trên 15.000 tỷ "
            "đồng và 1 dự án đầu tư nước ngoài (FDI) với tổng số vốn đăng ký gần 2,5 tỷ USD.",
    "ntm3": "Đặc biệt, Hà Tĩnh đã thành lập Quỹ Hỗ trợ học sinh đạt điểm cao, hoàn cảnh đặc biệt khó khăn học đại học "
            "và đã kêu gọi được gần 16,5 tỷ đồng từ nguồn xã hội hóa; hiện có 137 em được hỗ trợ trong suốt quá trình "
            "học đại học.",
    "pt1": "Tích cực triển khai Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh Vĩnh Phúc lần thứ "
           "XVII, một trong những điểm nhấn trọng tâm của Vĩnh Phúc là đổi mới phương thức lãnh đạo của Đảng.",
    "pt2": "Phương thức lãnh đạo của Đảng tiếp tục được đổi mới, từ tư duy đến hành động. Việc ban hành các chủ trương, "
           "nghị quyết của Đảng ngày càng bám sát thực tiễn, phát huy dân chủ. Việc phân công nhiệm vụ rõ ràng, minh "
           "bạch; không buông lỏng, coi nhẹ nhưng cũng không bao biện, làm thay.",
    "pt3": "Kết quả: các cấp ủy, cơ quan đơn vị đã có nhiều cách làm hay, sáng tạo, nhiều ý tưởng đổi mới ra đời. Đến "
           "ngày 30/11/2021, hầu hết các cơ quan cấp tỉnh hoàn thành chỉ tiêu, nhiệm vụ được giao; 100% các huyện, "
           "thành ủy, đảng ủy trực thuộc hoàn thành chỉ tiêu phát triển tổ chức đảng, đảng viên.",
    "kt1": "Cùng với đó, trong điều kiện dịch bệnh Covid-19 diễn biến phức tạp, các chỉ tiêu phát triển kinh tế - xã hội "
           "ở các địa phương vẫn đạt cao, góp phần vào thành công chung của tỉnh.",
    "kt2": "Ngay sau khi các quy định, hướng dẫn, quyết định về giao nhiệm vụ bằng sản phẩm của BTV Tỉnh ủy được ban "
           "hành, các cấp ủy đảng, chính quyền các địa phương và các sở, ngành liên quan đã triển khai nghiêm túc. 9/9 "
           "huyện, thành phố đã thành lập ban chỉ đạo, phân công nhiệm vụ và gắn trách nhiệm cho từng thành viên.",
    "kt3": "Chỉ đạo có các giải pháp tháo gỡ khó khăn, khai thông các điểm nghẽn trong phát triển kinh tế - xã hội (đã "
           "phê duyệt 31 đề án tập trung tháo gỡ điểm nghẽn, khơi thông các nguồn lực, nâng cao hiệu quả quản lý nhà "
           "nước của 22 sở, ngành và 9 huyện, thành phố).",
    "tt1": "Về công tác tư tưởng, tuyên giáo, Ban Thường vụ Tỉnh ủy đã xác định và chỉ đạo thực hiện 7 nhiệm vụ trọng "
           "tâm trong công tác tư tưởng, công tác tuyên giáo và chỉ đạo xây dựng các mô hình điển hình học tập và làm "
           "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đối với các cấp ủy cơ sở.",
    "tt2": "Một số ý kiến đề nghị thành lập tổ tư vấn xây dựng chỉ tiêu trong năm 2022 theo hướng rõ ràng, cụ thể, vừa "
           "mang tính áp lực nhưng cũng tạo động lực để các sở, ngành, địa phương và từng cá nhân được giao nhiệm vụ "
           "phấn đấu.",
    "tt3": "Bổ sung thêm chỉ tiêu về xây dựng văn hóa, văn minh đô thị đối với 2 thành phố là Phúc Yên và Vĩnh Yên; chỉ "
           "tiêu về xây dựng nông thôn mới nâng cao đối với các địa phương; chỉ tiêu khắc phục những tồn tại, hạn chế "
           "sau kiểm điểm năm 2021 đối với các sở, ngành.",
}

# path -> (title, date dd/mm/yyyy, paragraphs, a figure the stored text must hold)
ARTICLES = {
    "shortlinks": {
        "/tin-tuc/a7k2.html": ("Giao nhiệm vụ bằng sản phẩm: kết nạp 2.101 đảng viên mới", "10/01/2022",
                               ["giao1", "giao2", "giao3"], "2.101/2.000"),
        "/tin-tuc/x9.html": ("Người đứng đầu hoàn thành 20/23 nhiệm vụ năm 2022", "05/01/2023",
                             ["dau1", "dau2", "dau3"], "20/23 nhiệm vụ"),
        "/tin-tuc/q3b.html": ("Mười điểm nhấn trong lãnh đạo, điều hành năm 2022", "06/01/2023",
                              ["nhan1", "nhan2", "nhan3"], "44 cơ chế"),
        "/tin/1234": ("Hà Tĩnh: GRDP tăng 5,02%, xếp thứ 32/63 tỉnh", "19/01/2022", ["ht1", "ht2", "ht3"], "5,02%"),
        "/tin/1250": ("Hà Tĩnh có 171/182 xã đạt chuẩn nông thôn mới", "20/01/2022", ["ntm1", "ntm2", "ntm3"],
                      "171/182 xã"),
        "/bai-viet/ten-ngan.html": ("Đổi mới phương thức lãnh đạo của Đảng ở Vĩnh Phúc", "02/12/2021",
                                    ["pt1", "pt2", "pt3"], "100%"),
    },
    "portal": {
        "/ChiTietTinTuc.aspx?nid=101": ("Các chỉ tiêu kinh tế - xã hội ở địa phương vẫn đạt cao", "12/01/2022",
                                        ["kt1", "kt2", "giao3"], "9/9 huyện"),
        "/ChiTietTinTuc.aspx?nid=102": ("Phê duyệt 31 đề án tháo gỡ điểm nghẽn phát triển", "14/01/2022",
                                        ["kt3", "pt1", "ht2"], "31 đề án"),
        "/ChiTietTinTuc.aspx?nid=103": ("Bảy nhiệm vụ trọng tâm trong công tác tư tưởng, tuyên giáo", "17/01/2022",
                                        ["tt1", "tt2", "nhan3"], "7 nhiệm vụ"),
        "/ChiTietTinTuc.aspx?nid=104": ("Bổ sung chỉ tiêu văn minh đô thị cho Phúc Yên và Vĩnh Yên", "21/01/2022",
                                        ["tt3", "dau3", "ntm2"], "2 thành phố"),
    },
}
CHROME = ["Tin đọc nhiều", "Bản quyền", "Tin liên quan", "Liên hệ quảng cáo", "Giới thiệu", "Đăng nhập",
          "Cổng thông tin điện tử huyện", "Lượt truy cập", "Trang chủ", "Tin tức - Sự kiện", "Trang sau"]


def _iso(d: str) -> str:
    day, month, year = d.split("/")
    return f"{year}-{month}-{day}"


# -- the news site with short URLs ---------------------------------------------------------------------------
NEWS_LAYOUT = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Tin Vĩnh Phúc</title>
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss">
<link rel="stylesheet" href="/static/site.css"></head><body>
<div class="topbar">Thứ Hai, 15/7/2024 | <a href="/lien-he">Liên hệ quảng cáo</a> | <a href="/dang-nhap">Đăng nhập</a></div>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/bai-viet/">Bài viết</a></li><li><a href="/gioi-thieu.html">Giới thiệu</a></li>
<li><a href="/tim-kiem/">Tìm kiếm</a></li></ul></nav>
<div class="wrap"><main>{main}</main>
<aside class="sidebar"><h3>Tin đọc nhiều</h3><ul>
<li><a href="/tin/1234">Hà Tĩnh: GRDP tăng 5,02%, xếp thứ 32/63 tỉnh</a></li>
<li><a href="/tin-tuc/x9.html">Người đứng đầu hoàn thành 20/23 nhiệm vụ năm 2022</a></li>
<li><a href="/bai-viet/ten-ngan.html">Đổi mới phương thức lãnh đạo của Đảng ở Vĩnh Phúc</a></li></ul></aside></div>
<footer><p>Bản quyền thuộc về Báo điện tử Tin Vĩnh Phúc. Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp.</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này, kể cả trích dẫn một phần nội dung của bài viết.</p></footer>
</body></html>"""


def _item(path: str, a: tuple, snippet: bool) -> str:
    title, date, paras, _ = a
    lead = f"<p class=\"sapo\">{escape(P[paras[0]])}</p>" if snippet else ""
    return f'<div class="item"><h3><a href="{path}">{escape(title)}</a></h3><span class="date">{date}</span>{lead}</div>'


def _news_article(path: str, a: tuple, related: list[str]) -> str:
    title, date, paras, _ = a
    arts = ARTICLES["shortlinks"]
    rel = "".join(f'<li><a href="{p}">{escape(arts[p][0])}</a></li>' for p in related)
    body = "".join(f"<p>{escape(P[k])}</p>" for k in paras)
    return (f'<article><div class="crumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc/">Tin tức</a></div>'
            f'<h1>{escape(title)}</h1><div class="meta">{date} 08:30</div><div class="content">{body}'
            f'<p class="author">Minh Châu</p></div><div class="related"><h3>Tin liên quan</h3><ul>{rel}</ul></div>'
            f"</article>")


def shortlinks_site() -> FixtureServer:
    """A news site with short article URLs, listings with sentence-long snippets, RSS, robots.txt."""
    s = FixtureServer("shortlinks")
    arts = ARTICLES["shortlinks"]
    paths = list(arts)

    def page(path, title, main):
        s.page(path, NEWS_LAYOUT.format(title=escape(title), main=main))

    page("/", "Trang chủ", "<h2>Tin mới</h2>" + "".join(_item(p, arts[p], True) for p in (paths[5], paths[0]))
         + '<p><a href="/tin-tuc/">Xem tất cả tin tức</a></p>')
    page("/tin-tuc/", "Tin tức", "<h1>Tin tức</h1>" + "".join(_item(p, arts[p], True) for p in paths[:3])
         + '<div class="pager"><span>1</span> <a href="/tin-tuc/?page=2">2</a> <a href="/tin-tuc/?page=2">Trang sau</a></div>')
    page("/tin-tuc/?page=2", "Tin tức - trang 2", "<h1>Tin tức</h1>" + "".join(_item(p, arts[p], True) for p in paths[3:5])
         + '<div class="pager"><a href="/tin-tuc/">1</a> <span>2</span></div>')
    page("/bai-viet/", "Bài viết", "<h1>Bài viết</h1>" + _item(paths[5], arts[paths[5]], False))
    page("/gioi-thieu.html", "Giới thiệu", "<h1>Giới thiệu</h1><p>Báo điện tử của tỉnh, cập nhật tin tức hằng ngày.</p>")
    for i, p in enumerate(paths):
        page(p, arts[p][0], _news_article(p, arts[p], [paths[(i + 1) % 6], paths[(i + 2) % 6]]))
    items = "".join(f"<item><title>{escape(arts[p][0])}</title><link>{s.url}{p}</link>"
                    f"<pubDate>{_iso(arts[p][1])}T08:30:00+07:00</pubDate></item>" for p in (paths[3], paths[5]))
    s.page("/rss/tin-moi.rss", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin mới'
           f"</title>{items}</channel></rss>", "application/rss+xml")
    s.page("/robots.txt", "User-agent: *\nDisallow: /tim-kiem/\nDisallow: /dang-nhap\n", "text/plain")
    return s


# -- the WebForms portal -------------------------------------------------------------------------------------
PORTAL_LAYOUT = """<html><head><title>{title} - Cổng thông tin điện tử huyện Tam Đảo</title></head><body>
<form name="aspnetForm" method="post" action="{action}" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />
<table width="980" cellpadding="0" cellspacing="0"><tr><td colspan="2"><img src="/images/banner.jpg" alt="banner" /></td></tr>
<tr><td width="200" valign="top"><table class="menu"><tr><td><a href="/Default.aspx">Trang chủ</a></td></tr>
<tr><td><a href="/DanhSachTin.aspx">Tin tức - Sự kiện</a></td></tr><tr><td><a href="/GioiThieu.aspx">Giới thiệu chung</a></td></tr>
<tr><td><a href="/VanBan.aspx">Văn bản</a></td></tr></table>
<div class="counter">Lượt truy cập: 1.204.331</div></td>
<td valign="top">{main}</td></tr>
<tr><td colspan="2" class="footer">Cổng thông tin điện tử huyện Tam Đảo, tỉnh Vĩnh Phúc. Cơ quan chủ quản: Ủy ban nhân
dân huyện Tam Đảo. Địa chỉ: thị trấn Hợp Châu, huyện Tam Đảo, tỉnh Vĩnh Phúc.</td></tr></table></form></body></html>"""


def _portal_list(paths: list[str]) -> str:
    arts = ARTICLES["portal"]
    rows = "".join(f'<tr><td><a href="{p.lstrip("/")}">{escape(arts[p][0])}</a> <span class="ngay">({arts[p][1]})</span>'
                   f"</td></tr>" for p in paths)
    return f'<table id="ctl00_cph_dlTin" cellspacing="0">{rows}</table>'


def portal_site() -> FixtureServer:
    """A district portal on ASP.NET WebForms: ChiTietTinTuc.aspx?nid=N, listing DanhSachTin.aspx?page=N."""
    s = FixtureServer("portal")
    arts = ARTICLES["portal"]
    paths = list(arts)

    def page(path, title, main):
        s.page(path, PORTAL_LAYOUT.format(title=escape(title), action=escape(path.lstrip("/")), main=main))

    page("/Default.aspx", "Trang chủ", '<span class="title">TIN MỚI NHẤT</span>' + _portal_list(paths[:1])
         + '<a href="DanhSachTin.aspx">Xem tiếp</a>')
    page("/DanhSachTin.aspx", "Tin tức - Sự kiện", '<span class="title">TIN TỨC - SỰ KIỆN</span>' + _portal_list(paths[:2])
         + '<div class="pager">Trang 1/2 <a href="DanhSachTin.aspx?page=2">Trang sau</a></div>')
    page("/DanhSachTin.aspx?page=2", "Tin tức - Sự kiện", '<span class="title">TIN TỨC - SỰ KIỆN</span>'
         + _portal_list(paths[2:]) + '<div class="pager">Trang 2/2 <a href="DanhSachTin.aspx">Trang trước</a></div>')
    page("/GioiThieu.aspx", "Giới thiệu chung", "<p>Huyện Tam Đảo được thành lập năm 1998.</p>")
    for i, p in enumerate(paths):
        title, date, paras, _ = arts[p]
        other = paths[(i + 1) % len(paths)]
        body = "<br /><br />".join(escape(P[k]) for k in paras)
        page(p, title, f'<table class="chitiet"><tr><td class="tieude">{escape(title)}</td></tr>'
                       f'<tr><td class="ngay">Ngày đăng: {date}</td></tr><tr><td class="noidung">{body}</td></tr></table>'
                       f'<div class="tinkhac">Các tin khác:<br /><a href="{other.lstrip("/")}">{escape(arts[other][0])}</a>'
                       f"</div>")
    s.page("/robots.txt", "User-agent: *\nDisallow: /Admin/\n", "text/plain")
    s.route("/", lambda server, h, hit: server.respond(h, hit, 302, b"", {"Location": "/Default.aspx"}))
    return s
