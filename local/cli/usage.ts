/**
 * Each command's line for `nianbao --help` (and the usage its errors print). Kept apart from the
 * commands so that the help lists them all without loading one: a command's module loads what
 * it needs (the AWS SDK, the importers), and loading all of them took the help 1.7 s.
 */
export const HELP = {
  import: 'import FILE                      把已发布的年度报告（Word、Excel、PDF、网页或文本）转换为 JSON',
  validate: 'validate FILE [--previous FILE] [--json]  检查报告（JSON、Word、Excel、PDF、网页或文本）',
  agenciesImport: 'agencies import FILE.csv         导入单位名录（列：id,name,region,kind,emails），错误行按行号报告',
  tokenCreate: 'token create --agency ID | --reviewer REGION [--days N]   生成登录令牌和登录链接（JSON）',
  tokenRevoke: 'token revoke TOKEN | --agency ID | --reviewer REGION   撤销令牌',
  seed: 'seed                             写入示范县数据（首次 npm start 时会自动写入）',
  site: 'site rebuild|repair               重新生成整个公开网站 / 发布已受理但尚未公开的报告',
  remind: 'remind [--date YYYY-MM-DD] [--dry-run]  按该日期运行一次提醒，逐行列出发送（或将发送）的邮件',
  ses: 'ses bounce|complaint ADDRESS [--agency ID] [--region CODE]  模拟 SES 退信/投诉通知（本地无 SNS）',
  reviewersAdd: 'reviewers add REGION EMAIL   登记主管部门审核人员的邮箱（在 /review/ 用邮箱验证码登录）',
  reviewersRepair: 'reviewers repair             补写邮箱验证码登录的地址索引（早于登录功能登记的单位；可重复运行）',
  region:
    'region set REGION [--review none|required] [--stamped-copy none|required] [--publish-stamped-copy yes|no] | region show REGION   区域设置（review required：报告经主管部门审核后公开；stamped-copy required：上传盖章件后才能审核通过；publish-stamped-copy yes：报告页公开盖章件扫描件）',
  backup: 'backup FILE                      把数据表和公开网站备份到一个文件（.tar.gz；npm start 运行时也可）',
  restore: 'restore FILE                     把备份文件恢复到一个空的（或不存在的）数据目录 NIANBAO_DATA_DIR',
} as const;
