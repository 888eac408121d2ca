"""The Vietnamese NLP stage: the spaCy pipeline on underthesea, entities, attribution."""
import json
import sqlite3
from pathlib import Path

import pytest
import spacy

import extractors.nlp as vn
from extractors.entities import find_bodies
from extractors.gazetteer import find_provinces, provinces
from extractors.textdump import read_dump
from extractors.document import Document
from extractors.extract import extract_document

from conftest import CORPUS


@pytest.fixture(scope="module")
def nlp():
    return vn.pipeline()


def test_doc_keeps_text_and_offsets_on_every_seed(nlp, seed_files):
    for f in seed_files:
        d = read_dump(f)[0]
        doc = nlp.make_doc(d.text)
        assert doc.text == d.text
        for t in doc:
            assert d.text[t.idx:t.idx + len(t.text)] == t.text
        assert len(list(doc.sents)) > 10


def test_components_find_figures_entities_and_attribution(nlp):
    d = read_dump(CORPUS / "004_6f0c2117b7fe85f6.txt")[0]
    doc = nlp(d.text)
    spans = {sp.text: sp for sp in doc.spans["mentions"]}
    rank = spans["xếp thứ 32/63 tỉnh"]
    assert rank.label_ == "rank" and rank._.value == 32 and rank._.denominator == 63
    growth = spans["5,02%"]
    assert growth._.indicator.lower() == "tăng trưởng kinh tế" and growth._.entity == "Hà Tĩnh"
    assert growth._.status == "actual" and growth._.period == "2021"
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh", "ORG") in labels
    assert any(l == "PROVINCE" for _, l in labels)
    # the heavy tagger ran only where a number is: tagged tokens are all in sentences with digits
    for t in doc:
        if t.tag_:
            assert any(c.isdigit() for c in t.sent.text)
    assert any(t.tag_ == "V" for t in doc)


def test_components_plug_into_another_pipeline():
    nlp = spacy.blank("en")  # someone else's pipeline, whitespace tokenizer
    nlp.add_pipe("chitieu_mentions")
    nlp.add_pipe("chitieu_attribution")
    doc = nlp("Năm 2022, tỉnh Vĩnh Phúc có tốc độ tăng trưởng kinh tế đạt 9,54%.")
    (sp,) = doc.spans["mentions"]
    assert sp.text == "9,54%" and sp._.value == 9.54 and sp._.period == "2022"


def test_underthesea_quirks_do_not_reach_figures(nlp):
    doc = nlp("Giải quyết việc làm cho 5-10 nghìn lao động; tỷ lệ đạt 45 %.")
    spans = doc.spans["mentions"]
    assert [(s.label_, s._.low, s._.high) for s in spans][0] == ("range", 5000, 10000)
    assert spans[1].text == "45 %" and spans[1]._.value == 45


def test_displacy_render_highlights_mentions_and_entities(nlp):
    doc = nlp("Năm 2021, tỉnh Hà Tĩnh có 171/182 xã đạt chuẩn nông thôn mới.")
    html = vn.render(doc)
    assert all(w in html for w in ("171", "182", "xã", "fraction", "PROVINCE", "Hà Tĩnh"))


def test_provinces_before_and_after_the_merger():
    ps = provinces()
    assert len(ps) == 63 and len({p.new_province for p in ps}) == 34
    assert {p.name for p in ps if p.new_province == "Phú Thọ"} == {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"}


def test_merger_mapping_agrees_with_underthesea_data():
    """Our shipped mapping checked against the administrative-units data inside underthesea's wheel."""
    import underthesea.address as ua

    data = json.loads((Path(ua.__file__).parent / "data" / "mapping.json").read_text(encoding="utf-8"))
    old = {k: v["short"] for k, v in data["old_province_names"].items()}
    new = {k: v["short"] for k, v in data["province_names"].items()}
    theirs = {old[o]: new[n] for o, n in data["province_mapping"].items()}
    from extractors.normalize import new_style_tones

    theirs = {new_style_tones(k): new_style_tones(v) for k, v in theirs.items()}
    ours = {p.name: p.new_province for p in provinces()}
    canon = {"Thừa Thiên Huế": "Huế", "Hồ Chí Minh": "Hồ Chí Minh"}
    mismatched = {k: (v, theirs.get(k)) for k, v in ours.items()
                  if k in theirs and theirs[k].replace("TP. ", "") not in (v, canon.get(v, v))}
    assert len(set(ours) & set(theirs)) >= 60
    assert not mismatched


def test_both_tone_spellings_and_abbreviations():
    hits = [p.name for _, _, p in find_provinces("Thanh Hoá, Thanh Hóa, Hoà Bình và Khánh Hoà")]
    assert hits == ["Thanh Hóa", "Thanh Hóa", "Hòa Bình", "Khánh Hòa"]
    names = [b.name for b in find_bodies("BTV Tỉnh ủy họp; UBND tỉnh Vĩnh Phúc giao; Huyện uỷ Tam Dương", "Vĩnh Phúc")]
    assert names == ["Ban Thường vụ Tỉnh ủy Vĩnh Phúc", "UBND tỉnh Vĩnh Phúc", "Huyện ủy Tam Dương"]


def _attr(text, published=None):
    d = Document(id="t", source="t", text=text, published=published)
    return extract_document(d).mentions


@pytest.mark.parametrize("text,period", [
    ("6 tháng đầu năm 2021, thu ngân sách đạt 1.200 tỷ đồng.", "2021-H1"),
    ("Quý IV/2023, chỉ số sản xuất công nghiệp tăng 8,2%.", "2023-Q4"),
    ("9 tháng năm 2022, kim ngạch xuất khẩu đạt 1,2 tỷ USD.", "2022-9M"),
    ("Giai đoạn 2021-2025, tỉnh phấn đấu tăng trưởng 8,5%.", "2021-2025"),
    ("Năm 2022, tăng trưởng kinh tế đạt 9,54%, tăng 1,2% so với năm 2021.", "2022"),
])
def test_period(text, period):
    assert _attr(text)[0].period == period


def test_status_compared_to_direction_entity():
    (m,) = _attr("Năm 2023, tỉnh Nghệ An phấn đấu tốc độ tăng trưởng kinh tế đạt 9%.")
    assert (m.status, m.entity, m.indicator) == ("target", "Nghệ An", "tốc độ tăng trưởng kinh tế")
    (m,) = _attr("Năm 2022, thu ngân sách tỉnh Hà Tĩnh đạt 16.916 tỷ đồng, tăng 12% so với cùng kỳ.")[1:]
    assert (m.status, m.compared_to, m.direction) == ("actual", "cùng kỳ", "increase")
    (m,) = _attr("Số đảng viên mới chiếm 6,2% so với tổng số đảng viên của tỉnh Bắc Ninh.")
    assert m.compared_to is None
    (m,) = _attr("Năm 2023, GDP của cả nước tăng 5,05%.")
    assert m.entity == "Việt Nam"
    (m,) = _attr("Năm 2022, Sở Tài chính tỉnh Vĩnh Phúc thẩm định 45 dự án.")
    assert m.entity == "Sở Tài chính tỉnh Vĩnh Phúc"


def test_entities_table_and_facets(built_db):
    c = sqlite3.connect(built_db)
    types = dict(c.execute("select type, count(*) from entities group by type"))
    assert types["province"] == 63 and types["province_2025"] == 34 and types["district"] > 600
    row = c.execute("select new_province, gso_code from entities where name = 'Vĩnh Phúc'").fetchone()
    assert row == ("Phú Thọ", "26")
    assert c.execute("select count(*) from entities where type = 'party'").fetchone()[0] >= 1


async def test_datasette_facets_on_attribution(built_db):
    import yaml
    from datasette.app import Datasette

    from pipeline.web.serve import METADATA

    ds = Datasette([str(built_db)], metadata=yaml.safe_load(METADATA.read_text()))
    url = ("/chitieu/mentions.json?_facet=indicator_key&_facet=entity&_facet=province&_facet=province_new"
           "&_facet=period&_facet=status")
    r = await ds.client.get(url)
    facets = r.json()["facet_results"]
    assert {"indicator_key", "entity", "province", "province_new", "period", "status"} <= set(facets)
    statuses = {x["value"] for x in facets["status"]["results"]}
    assert {"actual", "target"} <= statuses


async def test_document_links_to_its_displacy_view(built_db):
    from pipeline.web.serve import make_datasette

    ds = make_datasette(built_db)
    r = await ds.client.get("/chitieu/documents/004_6f0c2117b7fe85f6.json?_shape=objects")
    view = r.json()["rows"][0]["view"]
    assert view == "/-/displacy/004_6f0c2117b7fe85f6"
    page = await ds.client.get(view)
    assert page.status_code == 200
    assert "xếp" in page.text and "rank" in page.text and "PROVINCE" in page.text
    assert (await ds.client.get("/-/displacy/nope")).status_code == 404
