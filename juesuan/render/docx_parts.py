"""The fixed parts of a .docx package: content types, relationships, styles, settings, footer.

Kept apart from :mod:`juesuan.render.docx` (which writes the body) because they are data:
WordprocessingML boilerplate with the house style (宋体/黑体, 小四 body text, A4 pages,
"第 N 页" footer). Fonts are named by their Chinese names as Word on Windows knows them;
other systems substitute their own CJK fonts (LibreOffice on Debian uses Noto CJK).
"""

from __future__ import annotations

from html import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BODY_FONT = "宋体"
HEADING_FONT = "黑体"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)


def document_rels(images: int) -> str:
    """word/_rels/document.xml.rels: styles, settings, footer and ``images`` PNGs (rIdImg1…)."""
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    rels = [
        f'<Relationship Id="rIdStyles" Type="{base}styles" Target="styles.xml"/>',
        f'<Relationship Id="rIdSettings" Type="{base}settings" Target="settings.xml"/>',
        f'<Relationship Id="rIdFooter" Type="{base}footer" Target="footer1.xml"/>',
        *(
            f'<Relationship Id="rIdImg{n}" Type="{base}image" Target="media/chart{n}.png"/>'
            for n in range(1, images + 1)
        ),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )


def core(title: str) -> str:
    """docProps/core.xml: the title and the generator (no dates: the output is reproducible)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>juesuan</dc:creator><dc:language>zh-CN</dc:language>"
        "</cp:coreProperties>"
    )


def _fonts(face: str) -> str:
    return f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{face}" w:cs="Times New Roman"/>'


def _style(style_id: str, name: str, paragraph: str, run: str, outline: int | None = None) -> str:
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{paragraph}{level}</w:pPr><w:rPr>{run}</w:rPr></w:style>"
    )


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{W}">'
    f'<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(BODY_FONT)}<w:sz w:val="24"/><w:szCs w:val="24"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="400" w:lineRule="exact"/><w:jc w:val="both"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr></w:style>'
    + _style(
        "Heading1",
        "heading 1",
        '<w:keepNext/><w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
        f'{_fonts(HEADING_FONT)}<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>',
        0,
    )
    + _style(
        "Heading2",
        "heading 2",
        '<w:keepNext/><w:spacing w:before="200" w:after="80" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="200" w:firstLine="560"/>',
        f'{_fonts(HEADING_FONT)}<w:sz w:val="28"/><w:szCs w:val="28"/>',
        1,
    )
    + _style(
        "Heading3",
        "heading 3",
        '<w:keepNext/><w:spacing w:before="120" w:after="40"/><w:ind w:firstLineChars="200" w:firstLine="480"/>',
        '<w:rFonts w:eastAsia="楷体"/><w:b/>',
        2,
    )
    + _style(
        "Title",
        "Title",
        '<w:spacing w:before="4000" w:after="600" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
        f'{_fonts(HEADING_FONT)}<w:b/><w:sz w:val="48"/><w:szCs w:val="48"/>',
    )
    + _style(
        "Subtitle",
        "Subtitle",
        '<w:spacing w:before="200" w:after="200"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
        '<w:sz w:val="32"/><w:szCs w:val="32"/>',
    )
    + _style(
        "Caption",
        "caption",
        '<w:keepNext/><w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    )
    + _style(
        "TableText",
        "Table Text",
        '<w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>',
        '<w:sz w:val="18"/><w:szCs w:val="18"/>',
    )
    + _style(
        "TOCTitle",
        "TOC Heading",
        '<w:spacing w:before="240" w:after="240"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
        f'{_fonts(HEADING_FONT)}<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>',
    )
    + "</w:styles>"
)

SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:settings xmlns:w="{W}"><w:updateFields w:val="true"/><w:defaultTabStop w:val="420"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    "</w:compat></w:settings>"
)

FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">第 </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>'
)


def section(landscape: bool, first: bool) -> str:
    """A w:sectPr: A4 portrait or landscape, margins, the page-number footer.

    The first section's first page is the cover: ``w:titlePg`` gives it a footer of its own,
    which is empty, so the cover carries no page number.
    """
    width, height = (16838, 11906) if landscape else (11906, 16838)
    margins = (
        '<w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="567" w:footer="567" w:gutter="0"/>'
        if landscape
        else '<w:pgMar w:top="1440" w:right="1247" w:bottom="1304" w:left="1247" w:header="851" w:footer="851" w:gutter="0"/>'
    )
    orient = ' w:orient="landscape"' if landscape else ""
    footer = '<w:footerReference w:type="default" r:id="rIdFooter"/>'
    title_page = "<w:titlePg/>" if first else ""
    return f'<w:sectPr>{footer}<w:pgSz w:w="{width}" w:h="{height}"{orient}/>{margins}{title_page}</w:sectPr>'
