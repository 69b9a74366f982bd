#!/usr/bin/env python3
"""Builds the shape fixtures in this folder from the three samples (../Samples/*.txt).

Each sample is first read back into what its Word original held: paragraphs, and tables as rows of cells
(one cell per line, rows ended by an empty line: samples 000 and 001; one tab-separated row per line:
sample 003). Those rows are then written out as other tools write them:

* browser-word: the sample's page as Word's "save as web page" writes it (every cell a <p>, empty cells
  <p>&nbsp;</p>), copied from Chromium as text/plain. Copying follows the innerText algorithm: cells of a
  row joined by a tab, rows by a line feed, a <p> asks for two line breaks around it, a <br> is a line
  feed, and runs of requested line breaks collapse to the largest. So every cell stands on its own line
  between blank lines, and each tab stands on a line of its own.
* browser-mixed: a CMS page whose numbers are bare text in the cell and whose labels are paragraphs, with
  empty cells empty: rows mix "\\t42\\t0" with blank-line-separated labels.
* pdf-markdown: what PDF-to-Markdown converters give (headings for the title and sections, a row label of
  table 三 as a "###" heading followed by a one-row table under placeholder headers 数据1 …, table 四 as
  three five-column tables under their group headings, and table 三's header repeated mid-table where the
  PDF broke the page).
* pdf-markdown-joined: the same from a converter that joins a row's label cells, merged ones included, into
  one heading (「### 三、本年度办理结果 （一）予以公开」).

Run from this folder: python3 make_shapes.py. The fixtures are committed; this script says how they were made.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "Samples")
NAMES = ["000_ffb7cb016be5db93", "001_34264c7ee48481bb", "003_07ea97a0e0dbb2b9"]
HEADING = re.compile(r"^\s*[一二三四五六][、.．]\s*(总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|政府信息公开工作存在|其他需要报告)")


def read_sample(text):
    """Blocks of the sample: ("p", text) paragraphs and ("table", rows) with rows of cells, a cell being a list of lines."""
    lines = text.split("\n")
    blocks, row, rows = [], None, None
    in_tables = False

    def end_row():
        nonlocal row
        if row:
            rows.append(row)
        row = None

    def end_table():
        nonlocal rows
        end_row()
        if rows:
            blocks.append(("table", rows))
        rows = None

    previous_cell = False
    for line in lines:
        line = line.rstrip("\r")
        m = HEADING.match(line)
        if m:
            end_table()
            blocks.append(("h", line.strip()))
            in_tables = m.group(1) in ("主动公开", "收到和处理", "政府信息公开行政复议")
            previous_cell = False
            continue
        if in_tables and "\t" in line:
            if rows is None:
                rows = []
            fields = line.split("\t")
            if line.startswith("\t") and line.count("\t") == 1:
                # One cell per line (samples 000, 001).
                row = row or []
                row.append([fields[1]])
                previous_cell = True
            else:
                # One row per line (sample 003).
                end_row()
                rows.append([[f] for f in fields])
                previous_cell = False
            continue
        if in_tables and rows is not None and previous_cell and line.strip() and len(line.strip()) <= 12:
            row[-1].append(line.strip())  # a label broken over two lines: a <br> in the cell
            continue
        previous_cell = False
        if not line.strip():
            if rows is not None:
                end_row()
            continue
        end_table()
        blocks.append(("p", line))
    end_table()
    return blocks


# ---- Chromium's copy (innerText) -------------------------------------------------------------------

def inner_text(items):
    """items: strings and ints (required line break counts), as the innerText algorithm collects them."""
    items = [i for i in items if i != ""]
    while items and isinstance(items[0], int):
        items.pop(0)
    while items and isinstance(items[-1], int):
        items.pop()
    out, pending = [], 0
    for item in items:
        if isinstance(item, int):
            pending = max(pending, item)
        else:
            if pending:
                out.append("\n" * pending)
                pending = 0
            out.append(item)
    return "".join(out)


def css_text(text):
    """What rendering keeps of a cell's text: collapsible spaces at the ends go, U+3000 and NBSP stay."""
    return text.strip(" \t")


def browser(blocks, mixed):
    items = []
    for kind, value in blocks:
        if kind == "h":
            items += [1, value.strip(), 1]
        elif kind == "p":
            items += [2, css_text(value), 2]
        else:
            items.append(1)
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    lines = [css_text(l) for l in cell]
                    text = "".join(lines)
                    numeric = re.fullmatch(r"[\d.,万元\u3000\u00a0 ]*\d[\d.,万元\u3000]*", text.strip("\u3000\u00a0 ")) is not None
                    if mixed and (numeric or text.strip() == ""):
                        items.append(text.strip("\u3000\u00a0"))  # bare text in the cell
                    else:
                        items.append(2)
                        for i, line in enumerate(lines):
                            if i:
                                items.append("\n")  # <br>
                            items.append(line if line.strip() or mixed else "\u00a0")
                        items.append(2)
                    if c < len(row) - 1:
                        items.append("\t")
                if r < len(value) - 1:
                    items.append("\n")
            items.append(1)
    return inner_text(items) + "\n"


# ---- PDF to Markdown -------------------------------------------------------------------------------

S3_HEADER = "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
S4_GROUPS = ["行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"]
S4_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def md_cell(cell):
    return "".join(l.strip(" \t\u3000\u00a0") for l in cell).replace("|", "\\|")


def is_value(text):
    return text == "" or re.fullmatch(r"[\d.,]+(万元|元)?", text) is not None


def pdf_markdown(blocks, joined=False):
    out = []
    for kind, value in blocks:
        if kind == "h":
            out += ["## " + value.strip(), ""]
            continue
        if kind == "p":
            out += [value.strip(), ""]
            continue
        rows = [[md_cell(c) for c in row] for row in value]
        labels = [[c for c in row if c and not is_value(c)] for row in rows]
        if any(any("本年新收政府信息公开申请数量" in c for c in l) for l in labels):
            out += table3(rows, labels, joined)
        elif any("结果维持" in c for l in labels for c in l):
            out += table4(rows)
        else:
            # Section 二 as ordinary pipe tables, one per sub-table, as converters keep them.
            for r, row in enumerate(rows):
                out.append("| " + " | ".join(row) + " |")
                if r == 0:
                    out.append("|" + "---|" * len(row))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def table3(rows, labels, joined=False):
    out, data_rows, groups = [], 0, []
    for row, label in zip(rows, labels):
        lead = [c for c in row if c and not is_value(c)]
        if not lead or any(h in c for c in lead for h in ("勾稽关系", "申请人情况", "自然人", "商业企业")):
            continue  # the header rows: the converter drops them with the table's first page header
        # The row's values: what follows its last label cell, blanks included (ragged rows keep their width).
        last = max(i for i, c in enumerate(row) if c and not is_value(c))
        values = row[last + 1:]
        if data_rows == 12:
            out += [S3_HEADER, "|" + "---|" * 8, ""]  # the page broke here: the header row comes again
        if joined:
            # Other converters join a row's label cells, merged ones included, into one heading.
            out += ["### " + " ".join(lead), "", "| " + " | ".join(f"数据{i + 1}" for i in range(len(values))) + " |",
                    "|" + "---|" * len(values), "| " + " | ".join(values) + " |", ""]
            data_rows += 1
            continue
        # Merged label cells (三、本年度办理结果, （三）不予公开) become headings of their own, once.
        for group in lead[:-1]:
            if group not in groups:
                groups.append(group)
                out += ["### " + group, ""]
        level = "####" if len(lead) > 1 or any(g in groups for g in lead[:-1]) else "###"
        out += [f"{level} {lead[-1]}", "", "| " + " | ".join(f"数据{i + 1}" for i in range(len(values))) + " |",
                "|" + "---|" * len(values), "| " + " | ".join(values) + " |", ""]
        data_rows += 1
    return out


def table4(rows):
    values = None
    for row in rows:
        cells = [c for c in row]
        if all(is_value(c) for c in cells) and any(cells):
            values = cells
    values = (values + [""] * 15)[:15]
    out = []
    for g, group in enumerate(S4_GROUPS):
        out += ["#### " + group, "", "| " + " | ".join(S4_RESULTS) + " |", "|" + "---|" * 5,
                "| " + " | ".join(values[g * 5:g * 5 + 5]) + " |", ""]
    return out


def main():
    for name in NAMES:
        with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8") as f:
            blocks = read_sample(f.read())
        short = name[:3]
        for suffix, content in [
            ("browser-word.txt", browser(blocks, mixed=False)),
            ("browser-mixed.txt", browser(blocks, mixed=True)),
            ("pdf-markdown.md", pdf_markdown(blocks)),
            ("pdf-markdown-joined.md", pdf_markdown(blocks, joined=True)),
        ]:
            with open(os.path.join(HERE, f"{short}.{suffix}"), "w", encoding="utf-8", newline="\n") as f:
                f.write(content)


if __name__ == "__main__":
    main()
