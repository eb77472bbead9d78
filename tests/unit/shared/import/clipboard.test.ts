import { describe, expect, it } from 'vitest';
import { parseDelimited, readClipboardTable } from '../../../../shared/import';

// What Excel for Windows puts on the clipboard as CF_HTML: a header, a full document, mso styles,
// the selection between fragment markers, a line break inside a cell, a merged cell.
const EXCEL_HTML = `Version:1.0
StartHTML:0000000105
EndHTML:0000001234
StartFragment:0000000512
EndFragment:0000001198
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><style>
.xl65 {mso-number-format:"\\@";} td {mso-displayed-decimal-separator:"\\,";}
</style></head><body link="#0563C1">
<table border=0 cellpadding=0 cellspacing=0 width=400 style='border-collapse:collapse'>
<!--StartFragment-->
 <tr height=20>
  <td height=20 colspan=2 style='height:15.0pt'>Список группы</td>
 </tr>
 <tr>
  <td>Фамилия</td><td>Имя</td>
 </tr>
 <tr>
  <td class=xl65>Иванов</td><td>Иван<br style='mso-data-placement:same-cell'>Иванович</td>
 </tr>
 <tr>
  <td>Петрова&nbsp;</td><td>Анна</td>
 </tr>
<!--EndFragment-->
</table></body></html>`;

const LIBREOFFICE_HTML = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta name="generator" content="LibreOffice"/><style type="text/css">body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"Liberation Sans"; }</style></head><body>
<table cellspacing="0" border="0"><colgroup width="85"></colgroup><colgroup width="85"></colgroup>
<tr><td height="17" align="left">SURNAME</td><td align="left">NAME</td></tr>
<tr><td height="17" align="left">IVANOV</td><td align="left" sdval="1" sdnum="1049;">IVAN</td></tr>
</table></body></html>`;

const GOOGLE_SHEETS_HTML = `<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}--></style><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1"><colgroup><col width="100"/><col width="100"/></colgroup><tbody><tr style="height:21px;"><td>Фамилия</td><td>Дата рождения</td></tr><tr style="height:21px;"><td>Сидоров</td><td>01.02.1985</td></tr></tbody></table>`;

const WORD_HTML = `<html xmlns:w="urn:schemas-microsoft-com:office:word"><body lang=RU>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
 <tr><td width=200 valign=top><p class=MsoNormal>ФИО<o:p></o:p></p></td><td width=0 style='width:0pt'><p class=MsoNormal></p></td><td width=150><p class=MsoNormal>Паспорт</p></td></tr>
 <tr><td width=200><p class=MsoNormal>Иванов Иван</p><p class=MsoNormal>Иванович</p></td><td width=0></td><td width=150><p class=MsoNormal>75 1234567</p></td></tr>
</table></body></html>`;

describe('readClipboardTable', () => {
  it('reads Excel HTML: fragment rows, <br> inside a cell, &nbsp;, merged title cell', () => {
    expect(readClipboardTable({ html: EXCEL_HTML, text: 'ignored' })).toEqual([
      ['Список группы', ''],
      ['Фамилия', 'Имя'],
      ['Иванов', 'Иван\nИванович'],
      ['Петрова', 'Анна'],
    ]);
  });

  it('reads LibreOffice and Google Sheets HTML', () => {
    expect(readClipboardTable({ html: LIBREOFFICE_HTML })).toEqual([
      ['SURNAME', 'NAME'],
      ['IVANOV', 'IVAN'],
    ]);
    expect(readClipboardTable({ html: GOOGLE_SHEETS_HTML })).toEqual([
      ['Фамилия', 'Дата рождения'],
      ['Сидоров', '01.02.1985'],
    ]);
  });

  it('reads Word tables: paragraphs become lines, phantom zero-width cells are dropped', () => {
    expect(readClipboardTable({ html: WORD_HTML })).toEqual([
      ['ФИО', 'Паспорт'],
      ['Иванов Иван\nИванович', '75 1234567'],
    ]);
  });

  it('expands rowspan and colspan into the grid', () => {
    const html =
      '<table><tr><td rowspan=2>Группа 1</td><td>A</td></tr><tr><td>B</td></tr><tr><td colspan=2>итог</td></tr></table>';
    expect(readClipboardTable({ html })).toEqual([
      ['Группа 1', 'A'],
      ['Группа 1', 'B'],
      ['итог', ''],
    ]);
  });

  it('never keeps script or style content, and reads entities', () => {
    const html =
      '<table><tr><td>A&amp;B &#1044;&#x414;</td><td><script>alert(1)</script>ok</td></tr></table><script>document.title="x"</script>';
    expect(readClipboardTable({ html })).toEqual([['A&B ДД', 'ok']]);
  });

  it('reads Excel text: tabs, quoted cells with tabs, newlines and quotes, trailing CRLF', () => {
    const text = 'Фамилия\tИмя\r\n"Иванов\tмл."\t"Иван\r\n""Ваня"""\r\nПетров\tПётр\r\n';
    expect(readClipboardTable({ text })).toEqual([
      ['Фамилия', 'Имя'],
      ['Иванов\tмл.', 'Иван\r\n"Ваня"'],
      ['Петров', 'Пётр'],
    ]);
  });

  it('reads semicolon and comma CSV, and one passenger per line', () => {
    expect(readClipboardTable({ text: 'Фамилия;Имя\nИванов;Иван\n' })).toEqual([
      ['Фамилия', 'Имя'],
      ['Иванов', 'Иван'],
    ]);
    expect(readClipboardTable({ text: 'IVANOV,IVAN\nPETROV,"PETR, JR"' })).toEqual([
      ['IVANOV', 'IVAN'],
      ['PETROV', 'PETR, JR'],
    ]);
    expect(readClipboardTable({ text: '1.1IVANOV/IVAN MR\n2.1PETROVA/ANNA MRS\n' })).toEqual([
      ['1.1IVANOV/IVAN MR'],
      ['2.1PETROVA/ANNA MRS'],
    ]);
  });

  it('drops empty columns and rows and caps runaway input', () => {
    expect(readClipboardTable({ text: 'a\t\tb\n\t\t\n' })).toEqual([['a', 'b']]);
    const wide = Array.from({ length: 200 }, (_, i) => `c${i}`).join('\t');
    expect(readClipboardTable({ text: wide })[0]).toHaveLength(100);
    expect(readClipboardTable({ text: 'x'.repeat(5000) })[0]![0]).toHaveLength(1000);
    expect(readClipboardTable({ text: '' })).toEqual([]);
  });

  it('keeps an unterminated quote as text rather than swallowing the rest', () => {
    expect(parseDelimited('"abc\tdef', '\t')).toEqual([['abc\tdef']]);
  });
});
