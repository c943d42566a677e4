// A paper as a printable A4 page: names only (no catalogue codes), dates the Chinese way, the
// service center at the head and the case's tracking QR code. Every value is escaped; the QR
// code is an SVG the qrcode library draws from the tracking address.
import escapeHtml from 'escape-html';
import QRCode from 'qrcode';
import type { AcceptancePaper, NamedMaterial, OneTimeNoticePaper, Paper, PaperMatter, RefusalPaper, ResultPaper } from './papers';

const e = (value: unknown): string => escapeHtml(value === null || value === undefined || value === '' ? '—' : String(value));

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.7; color: #000; margin: 0; }
.paper { width: 174mm; min-height: 257mm; margin: 0 auto; padding: 8mm 0; position: relative; }
header { text-align: center; }
.center { font-size: 14pt; letter-spacing: .2em; }
h1 { font-size: 20pt; letter-spacing: .3em; margin: .4em 0 .2em; }
.number { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; }
th, td { border: 1px solid #000; padding: .25em .4em; text-align: left; vertical-align: top; }
th { font-weight: bold; }
.qr { position: absolute; top: 6mm; right: 0; width: 28mm; text-align: center; font-size: 8pt; }
.qr svg { width: 28mm; height: 28mm; }
.sign { margin-top: 3em; text-align: right; }
ol, ul { margin: .3em 0; padding-left: 2em; }
@media screen { body { background: #eee; } .paper { background: #fff; padding: 12mm 14mm; margin: 1em auto; width: 210mm; box-shadow: 0 0 4px #999; } }
@media print { .paper { page-break-after: always; } }
`;

const matterRows = (matters: PaperMatter[]): string => matters.map((m) =>
  `<tr><td>${e(m.name)}</td><td>${e(m.departmentName)}</td><td>${e(m.committedDays)}</td><td>${e(m.dueOn)}</td></tr>`).join('');

const matterTable = (matters: PaperMatter[]): string =>
  `<table><thead><tr><th>申请事项</th><th>承办部门</th><th>承诺时限（工作日）</th><th>办结期限</th></tr></thead><tbody>${matterRows(matters)}</tbody></table>`;

const materialList = (materials: NamedMaterial[]): string => (materials.length === 0 ? '<p>—</p>'
  : `<ol>${materials.map((m) => `<li>${e(m.name)}${m.note ? `（${e(m.note)}）` : ''}</li>`).join('')}</ol>`);

function acceptanceBody(paper: AcceptancePaper): string {
  return `<p>${e(paper.applicant)}：</p>
<p>你（单位）提交的${paper.projectName ? `“${e(paper.projectName)}”` : ''}以下事项申请，经审查，申请材料齐全、符合法定形式，本中心决定予以受理，并由各承办部门同步审查：</p>
${matterTable(paper.matters)}
<p>已收材料：</p>${materialList(paper.materialsReceived)}
${paper.materialsOwed.length > 0 ? `<p>容缺材料（请于 ${e(paper.supplementDueOn)} 前补齐）：</p>${materialList(paper.materialsOwed)}` : ''}`;
}

function refusalBody(paper: RefusalPaper): string {
  return `<p>${e(paper.applicant)}：</p>
<p>你（单位）提交的以下事项申请：</p>
<ul>${paper.matters.map((m) => `<li>${e(m.name)}（${e(m.departmentName)}）</li>`).join('')}</ul>
<p>经审查，本中心决定不予受理。理由：${e(paper.reason)}</p>
<p>如不服本决定，可以依法申请行政复议或者提起行政诉讼。</p>`;
}

function oneTimeNoticeBody(paper: OneTimeNoticePaper): string {
  const rounds = paper.requests.map((request) => `<h2>第${e(request.round)}次告知（${e(request.requestedOn)}）</h2>
<ol>${request.items.map((item) => `<li>${e(item.name)}${item.note ? `：${e(item.note)}` : ''}${item.newlyArising ? '（新发现）' : ''}</li>`).join('')}</ol>`).join('');
  return `<p>${e(paper.applicant)}：</p>
<p>你（单位）申请的${paper.matters.map((m) => `“${e(m.name)}”`).join('、')}，申请材料不齐全或者不符合法定形式。现一次性告知需要补正的全部内容如下：</p>
${rounds}
<p>请补齐上述材料后到本中心窗口提交，补齐之日起重新计算受理期限。</p>`;
}

function resultBody(paper: ResultPaper): string {
  const rows = paper.decisions.map((d) => `<tr><td>${e(d.matterName)}</td><td>${e(d.departmentName)}</td><td>${e(d.decision)}</td><td>${e(d.reason ?? d.opinion)}${d.legalBasis ? `<br>依据：${e(d.legalBasis)}` : ''}</td><td>${e(d.decidedOn)}</td></tr>`).join('');
  return `<p>${e(paper.applicant)}：</p>
<p>你（单位）申请的下列事项已办结，审批结果于 ${e(paper.deliveredOn)} 统一出件：</p>
<table><thead><tr><th>申请事项</th><th>承办部门</th><th>审批结果</th><th>意见</th><th>决定日期</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function bodyOf(paper: Paper): string {
  switch (paper.kind) {
    case 'acceptance': return acceptanceBody(paper);
    case 'refusal': return refusalBody(paper);
    case 'one-time-notice': return oneTimeNoticeBody(paper);
    case 'result': return resultBody(paper);
  }
}

/** The QR code of the tracking address as inline SVG. */
export async function trackingQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export async function paperHtml(paper: Paper): Promise<string> {
  const number = paper.kind === 'acceptance' ? paper.acceptanceNumber : null;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(paper.title)} ${e(number ?? paper.trackingCode)}</title>
<style>${STYLE}</style>
</head><body><main class="paper">
<div class="qr">${await trackingQrSvg(paper.trackingUrl)}<div>扫码查询办理进度</div></div>
<header><div class="center">${e(paper.serviceCenter)}</div><h1>${e(paper.title)}</h1>
<div class="number">${number ? `受理编号：${e(number)}&emsp;` : ''}查询码：${e(paper.trackingCode)}</div></header>
${bodyOf(paper)}
<p>凭查询码 ${e(paper.trackingCode)} 及申请人手机号后四位，可扫描右上角二维码或登录 ${e(paper.trackingUrl)} 查询办理进度。</p>
<div class="sign"><p>经办人：${e(paper.issuedBy)}</p><p>${e(paper.serviceCenter)}（盖章）</p><p>${e(paper.issuedOn)}</p></div>
</main></body></html>`;
}
