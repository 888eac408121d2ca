"""Vietnamese for what a reader reads: numbers as Vietnamese print them (`2.101`, `9,54%`,
`32.398 tỷ đồng`, `1,6 tỷ USD`), numbers read back as people type them (`2.101`, `2101`, `2 101`,
`2,101`, `32.398 tỷ`), and the Vietnamese names of kinds, statuses, units, periods and columns.

Only what a person reads changes: the JSON and CSV of every page keep the machine values and
the machine column names (`value`, `indicator_key`, `period_kind` …).
"""
from __future__ import annotations

import re

from extractors.indicator_keys import INDICATOR_NAMES
from extractors.normalize import fold

# --- numbers out ---------------------------------------------------------------------------------


def number(v, decimals: int | None = None) -> str:
    """27398000000000 as `27.398.000.000.000`, 5.02 as `5,02`, 9.5 as `9,5` (dot between thousands,
    comma before decimals); None as ''. `decimals` fixes the decimals shown (else up to 6, no trailing 0)."""
    if v is None or v == "":
        return ""
    if isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            return v
    if isinstance(v, bool):
        return str(v)
    neg = v < 0
    v = abs(v)
    if decimals is not None:
        s = f"{v:,.{max(0, int(decimals))}f}"
    elif isinstance(v, int) or float(v).is_integer():
        s = f"{int(round(v)):,}"
    else:
        s = f"{v:,.6f}".rstrip("0").rstrip(".")
    s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return ("-" if neg else "") + s


# money in base units shown in the words papers print: 32.398 tỷ đồng, 1,6 tỷ USD, 39 triệu đồng/năm
_SCALES = ((1e9, "tỷ"), (1e6, "triệu"))
UNITS_VI = {"VND": "đồng", "USD": "USD", "times": "lần", "%": "%", "điểm phần trăm": "điểm phần trăm"}


def _scaled(value: float) -> tuple[str, str]:
    for size, word in _SCALES:
        if abs(value) >= size:
            n = value / size
            return number(round(n, 3)), word
    return number(value), ""


def unit_vi(unit: str | None) -> str:
    """A unit as a Vietnamese reader writes it (`VND` đồng, `times` lần; counted nouns as they are)."""
    if not unit:
        return ""
    head, _, per = unit.partition("/")
    return UNITS_VI.get(head, head) + (f"/{per}" if per else "")


def amount(value, unit: str | None = None, kind: str | None = None, low=None, high=None,
           denominator=None) -> str:
    """A figure's value with its unit, Vietnamese style: `2.101/2.000 chỉ tiêu`, `9,54%`,
    `32.398 tỷ đồng`, `1,6 tỷ USD`, `8,5–9%`, `1,13 lần`, `hạng 32/63`."""
    unit = unit or ""
    head, _, per = unit.partition("/")
    per = f"/{per}" if per else ""
    if head in ("VND", "USD"):
        cur = "đồng" if head == "VND" else "USD"

        def money(x):
            n, w = _scaled(float(x))
            return f"{n} {w}".strip()
        if value is None and (low is not None or high is not None):
            lo, hi = _scaled(float(low or 0)), _scaled(float(high or 0))
            if lo[1] == hi[1]:
                return f"{lo[0]}–{hi[0]} {lo[1]} {cur}{per}".replace("  ", " ")
            return f"{money(low)}–{money(high)} {cur}{per}"
        return "" if value is None else f"{money(value)} {cur}{per}"
    u = unit_vi(unit)
    if value is None and (low is not None or high is not None):
        core = f"{number(low)}–{number(high)}"
    elif value is None:
        return ""
    else:
        core = number(value)
    if kind == "rank":
        return f"hạng {core}" + (f"/{number(denominator)}" if denominator is not None else "")
    if denominator is not None and kind == "fraction":
        core += f"/{number(denominator)}"
    if head == "%":
        return f"{core}%{per}"
    return f"{core} {u}".strip()


# --- numbers in ----------------------------------------------------------------------------------

SCALE_WORDS = {"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9, "ti": 1e9, "nghin ty": 1e12,
               "ngan ty": 1e12}
NUMBER_RE = re.compile(r"(?<![\w.,])[-+]?\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?![\w])|(?<![\w.,])[-+]?\d+(?:[.,]\d+)*(?![\w])")
_SCALE_AFTER = re.compile(r"\s*(nghin ty|ngan ty|nghin|ngan|trieu|ty|ti)\b")
_UNIT_AFTER = re.compile(r"\s*(?:%|(?:dong|vnd|usd)\b)")


def readings(text: str) -> list[float]:
    """Every value a number typed by a person may mean, the Vietnamese reading first: `2.101` is
    2101 (and 2.101 as English writes it), `2101` and `2 101` are 2101, `9,54` is 9.54 (and 954),
    `2,101` is 2.101 and 2101, `32.398 tỷ` is 32 398 000 000 000. Empty when `text` is no number."""
    s = (text or "").strip()
    m = NUMBER_RE.search(s)
    if not m:
        return []
    tok = m.group(0)
    tail = fold(s[m.end():])
    sm = _SCALE_AFTER.match(tail)
    scale = SCALE_WORDS[sm.group(1)] if sm else 1.0
    out: list[float] = []

    def add(x: str):
        try:
            v = float(x) * scale
        except ValueError:
            return
        if v not in out:
            out.append(v)
    t = tok.replace(" ", "")
    add(t.replace(".", "").replace(",", "."))                     # Vietnamese: . thousands, , decimals
    add(t.replace(",", ""))                                       # English: , thousands, . decimals
    if t.count(".") == 0 and t.count(",") == 1:
        add(t.replace(",", ""))                                   # 2,101 typed for two thousand one hundred one
    return out


def split_numbers(q: str) -> tuple[list[list[float]], str]:
    """The numbers of a query (each with its readings, scale words taken along) and the words left:
    `Vĩnh Phúc 2.101` gives ([[2101, 2.101]], 'Vĩnh Phúc')."""
    nums, rest, pos = [], [], 0
    for m in NUMBER_RE.finditer(q or ""):
        tail = fold(q[m.end():])
        sm = _SCALE_AFTER.match(tail)
        end = m.end() + (sm.end() if sm else 0)
        um = _UNIT_AFTER.match(fold(q[end:]))
        nums.append(readings(q[m.start():end]))
        rest.append(q[pos:m.start()])
        pos = end + (um.end() if um else 0)
    rest.append((q or "")[pos:])
    words = re.sub(r"\s+", " ", " ".join(rest)).strip()
    return [n for n in nums if n], words


def matches(value, candidates: list[float], rel: float = 0.005) -> bool:
    """Whether a stored value is one of the readings (within 0.5 %, as find_figure allows)."""
    if value is None:
        return False
    return any(abs(value - c) <= abs(c) * rel for c in candidates)


# --- words ---------------------------------------------------------------------------------------

KINDS = {"fraction": "phân số", "percent": "tỷ lệ phần trăm", "range": "khoảng", "money": "số tiền",
         "quantity": "số lượng", "rank": "thứ hạng", "multiplier": "số lần"}
STATUSES = {"actual": "kết quả", "target": "mục tiêu"}
QUALIFIERS = {"approx": "khoảng", "over": "trên", "under": "dưới", "at_least": "ít nhất", "at_most": "tối đa"}
DIRECTIONS = {"increase": "tăng", "decrease": "giảm", "exceed": "vượt"}
SCOPES = {"province": "tỉnh", "country": "cả nước", "district": "cấp huyện", "body": "cơ quan"}
PERIOD_KINDS = {"year": "năm", "term": "giai đoạn", "quarter": "quý", "half": "6 tháng", "nine_months": "9 tháng",
                "months": "lũy kế tháng", "month": "tháng", "other": "khác"}
VERDICTS = {"consistent": "khớp", "inconsistent": "không khớp", "cannot tell": "chưa rõ"}
OUTCOMES = {"exceeded": "vượt", "met": "đạt", "not met": "không đạt", "in progress": "đang thực hiện"}
SOURCES = {"sentence": "câu", "paragraph": "đoạn", "document": "bài", "site": "trang", "title": "tiêu đề",
           "lead": "sapo", "dateline": "dòng đầu", "address": "địa chỉ bài", "text": "nội dung"}
STATUS_SOURCES = {"model": "mô hình học máy", "rules": "luật"}
CHECK_TYPES = {"fraction_percent": "phân số và tỷ lệ", "share_of_total": "phần trong tổng", "target_share":
               "tỷ lệ mục tiêu", "parts_total": "các phần và tổng", "shares_sum": "tổng các tỷ lệ",
               "change": "mức thay đổi", "change_pp": "thay đổi (điểm %)", "change_rel": "thay đổi (%)",
               "rank": "thứ hạng", "range": "khoảng", "figure_versions": "các nguồn khác nhau",
               "result_target": "kết quả và mục tiêu"}
ROLES = {"fraction": "phân số", "percent": "tỷ lệ", "part": "phần", "total": "tổng", "share": "tỷ trọng",
         "current": "hiện tại", "base": "gốc so sánh", "change": "thay đổi", "result": "kết quả",
         "target": "mục tiêu", "rank": "hạng", "range": "khoảng", "version": "phiên bản", "complement": "phần còn lại"}

# what a coded column's values mean, by column name (table pages and the figure page show these)
VALUE_WORDS = {"kind": KINDS, "status": STATUSES, "qualifier": QUALIFIERS, "direction": DIRECTIONS,
               "scope": SCOPES, "period_kind": PERIOD_KINDS, "verdict": VERDICTS, "outcome": OUTCOMES,
               "entity_source": SOURCES, "period_source": SOURCES, "province_source": SOURCES,
               "status_source": STATUS_SOURCES,
               "check_type": CHECK_TYPES, "role": ROLES}


def word(column: str, value) -> str | None:
    """A coded value in Vietnamese (`kind` `percent` → `tỷ lệ phần trăm`), None when it has none."""
    table = VALUE_WORDS.get(column)
    return table.get(value) if table and isinstance(value, str) else None


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def period(p: str | None) -> str:
    """2023-Q4 as `quý IV/2023`, 2021-H1 as `6 tháng đầu năm 2021`, 2022-9M as `9 tháng năm 2022`,
    2023-12 as `tháng 12/2023`, 2021-2025 as `giai đoạn 2021–2025`, 2022 as `năm 2022`."""
    if not p:
        return ""
    if re.fullmatch(r"\d{4}", p):
        return f"năm {p}"
    m = re.fullmatch(r"(\d{4})-(\d{4})", p)
    if m:
        return f"giai đoạn {m[1]}–{m[2]}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", p)
    if m:
        return f"quý {_ROMAN[m[2]]}/{m[1]}"
    m = re.fullmatch(r"(\d{4})-H([12])", p)
    if m:
        return f"6 tháng {'đầu' if m[2] == '1' else 'cuối'} năm {m[1]}"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})M", p)
    if m:
        return f"{int(m[2])} tháng năm {m[1]}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    if m:
        return f"tháng {int(m[2])}/{m[1]}"
    return p


def indicator_name(key: str | None, phrase: str | None = None) -> str:
    """What a figure measures, for a reader: the lexicon's Vietnamese name of a curated key, else the
    phrase as the sentence wrote it (a key made from a phrase, such as `du` or `tiem`, means nothing)."""
    if key and key in INDICATOR_NAMES:
        return INDICATOR_NAMES[key]
    return phrase or ""


# Column headings: Vietnamese first; the machine name stays in JSON, CSV and the URL.
COLUMNS = {
    "id": "Mã", "doc": "Bài", "document": "Bài", "sentence_id": "Câu", "start": "Vị trí đầu", "end": "Vị trí cuối",
    "text": "Nguyên văn", "kind": "Loại số", "value": "Giá trị", "low": "Cận dưới", "high": "Cận trên",
    "denominator": "Mẫu số", "unit": "Đơn vị", "qualifier": "Từ định lượng", "indicator": "Cụm chỉ tiêu",
    "indicator_key": "Chỉ tiêu", "entity": "Chủ thể", "entity_source": "Nguồn chủ thể", "scope": "Cấp",
    "province": "Tỉnh/thành", "province_new": "Tỉnh/thành (sau 7/2025)", "place": "Địa bàn",
    "place_new": "Địa bàn (sau 7/2025)", "period": "Kỳ", "period_source": "Nguồn kỳ", "period_kind": "Loại kỳ",
    "year": "Năm", "status": "Kết quả/Mục tiêu", "status_source": "Ai đọc kết quả/mục tiêu", "compared_to": "So với", "direction": "Chiều",
    "decimals": "Số chữ số thập phân", "sentence": "Câu", "sentences": "Các câu được đối chiếu", "title": "Tiêu đề", "published": "Ngày đăng",
    "source": "Nguồn", "url": "Địa chỉ web", "indicator_rule": "Cách tìm chỉ tiêu", "author": "Tác giả",
    "province_source": "Nguồn tỉnh", "sha256": "SHA-256", "extractor_version": "Phiên bản bộ đọc",
    "mentions": "Số liệu", "loaded_at": "Nạp lúc", "view": "Xem", "first_seen_run": "Lần chạy đầu",
    "changed_run": "Lần chạy thay đổi", "idx": "Thứ tự", "text_folded": "Không dấu",
    "mention_id": "Số liệu", "superseded_by_run": "Thay bởi lần chạy", "superseded_at": "Thay lúc",
    "document_sha256": "SHA-256 bài", "reason": "Lý do", "started": "Bắt đầu", "finished": "Kết thúc",
    "command": "Lệnh", "inputs": "Đầu vào", "documents_read": "Bài đã đọc", "documents_new": "Bài mới",
    "documents_changed": "Bài thay đổi", "documents_unchanged": "Bài không đổi", "documents_failed": "Bài lỗi",
    "mentions_added": "Số liệu thêm", "errors": "Lỗi", "report": "Báo cáo", "run": "Lần chạy", "input": "Đầu vào",
    "error": "Lỗi", "name": "Tên", "gso_code": "Mã GSO", "new_province": "Tỉnh sau 7/2025", "aliases": "Tên khác",
    "type": "Loại", "skipped": "Bỏ qua", "unread": "Chưa đọc được", "unread_numbers": "Số chưa đọc được",
    "key": "Mã chỉ tiêu", "label": "Cụm từ chính", "phrases": "Các cụm từ", "figures": "Số liệu",
    "latitude": "Vĩ độ", "longitude": "Kinh độ", "documents": "Số bài", "latest_figure": "Số liệu mới nhất",
    "min_value": "Nhỏ nhất", "max_value": "Lớn nhất", "distinct_values": "Số giá trị khác nhau",
    "target": "Mục tiêu", "target_low": "Mục tiêu (cận dưới)", "target_high": "Mục tiêu (cận trên)",
    "target_figure": "Số liệu mục tiêu", "target_figures": "Số nguồn mục tiêu", "result_period": "Kỳ kết quả",
    "result": "Kết quả", "result_figure": "Số liệu kết quả", "result_figures": "Số nguồn kết quả",
    "achieved_pct": "Đạt (%)", "difference": "Chênh lệch", "spread_pct": "Độ lệch (%)",
    "all_values": "Các giá trị", "inconsistent": "Không khớp", "basis": "Căn cứ", "built_at": "Dựng lúc",
    "seconds": "Giây", "rows": "Số dòng", "definition": "Định nghĩa", "stale": "Cần dựng lại",
    "migration_set": "Nhóm", "applied_at": "Áp dụng lúc", "month": "Tháng", "check_type": "Loại kiểm tra",
    "verdict": "Kết luận", "computation": "Phép tính", "tolerance": "Sai số cho phép", "stated": "Số công bố",
    "computed": "Số tính lại", "ratio": "Tỷ số", "outcome": "Kết quả so mục tiêu", "across_group": "Nhóm so sánh",
    "check_id": "Kiểm tra", "role": "Vai trò", "position": "Thứ tự", "checked": "Kiểm lúc", "mode": "Cách chạy",
    "groups": "Số nhóm", "checks_recomputed": "Kiểm tra tính lại", "checks_removed": "Kiểm tra bỏ",
    "checks": "Số kiểm tra", "checks_version": "Phiên bản kiểm tra", "versions_group": "Nhóm phiên bản",
    "targets_group": "Nhóm mục tiêu", "swap": "Hoán đổi", "corpus": "Thư mục bài",
    "corpus_run": "Lần chạy thư mục", "monthly_run": "Lần chạy tháng", "site": "Trang", "since": "Từ ngày",
    "crawl_run": "Lần thu thập", "first_seen": "Thấy lần đầu", "last_seen": "Thấy lần cuối",
    "archive": "Bản lưu", "simhash": "Simhash", "version": "Phiên bản", "format": "Định dạng", "pages": "Số trang",
    "tables": "Số bảng", "cells": "Số ô", "text_layer": "Có lớp chữ", "note": "Ghi chú", "table_index": "Bảng",
    "row": "Dòng", "col": "Cột", "row_label": "Tên dòng", "column_label": "Tên cột", "sites": "Các trang",
    "requests": "Số yêu cầu", "fetched": "Đã tải", "from_cache": "Từ bộ đệm", "not_modified": "Không đổi (304)",
    "skipped_robots": "Bỏ qua (robots.txt)", "skipped_boundary": "Bỏ qua (ngoài phạm vi)", "failed": "Lỗi",
    "retries": "Thử lại", "duplicates": "Bản trùng", "reports": "Báo cáo", "scanned": "Bản quét",
    "ocr_pages": "Trang OCR", "not_articles": "Không phải bài", "older_than_since": "Cũ hơn --since",
    "largest_difference": "Chênh lệch lớn nhất", "figure": "Số liệu", "check": "Kiểm tra",
    "province_period": "Tỉnh và kỳ", "what": "Loại", "n": "Số",
}


# where a name means something else in one table
TABLE_COLUMNS = {("monthly_runs", "status"): "Trạng thái", ("monthly_sites", "status"): "Trạng thái",
                 ("check_passes", "documents"): "Số bài tính lại", ("provinces", "kind"): "Loại",
                 ("entities", "type"): "Loại", ("document_urls", "role"): "Vai trò địa chỉ",
                 ("report_cells", "value"): "Giá trị", ("check_mentions", "doc"): "Bài"}


def column(name: str, table: str | None = None) -> str:
    """A column's Vietnamese heading, or the name itself when it has none."""
    return TABLE_COLUMNS.get((table, name)) or COLUMNS.get(name, name)
