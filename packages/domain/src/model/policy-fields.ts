/** A bureau-level policy field (政策分野) that groups plans, with the aim the bureau states for it. */
export interface PolicyField {
  code: string;
  nameJa: string;
  nameEn: string;
  aimJa: string;
}

/** The Health Policy Bureau's fields as its mission statement lists them (seeds/000_…txt). */
export const POLICY_FIELDS: readonly PolicyField[] = [
  {
    code: 'care-delivery',
    nameJa: '医療提供体制の整備',
    nameEn: 'Healthcare delivery system',
    aimJa:
      '人口構造の変化を踏まえて、病床機能の分化・連携だけでなく、外来・在宅医療、介護との連携や、医師の地域偏在の解消などを通じて、安心して医療を受けられる体制の整備に取り組んでいます。',
  },
  {
    code: 'workforce',
    nameJa: '医療従事者の育成',
    nameEn: 'Healthcare workforce',
    aimJa:
      '地域や診療科毎の需給バランスも意識しつつ、医師をはじめとした各職種の養成のため、各種研修・試験等を運用しています。',
  },
  {
    code: 'safety',
    nameJa: '安心安全な医療を受けられる環境の整備',
    nameEn: 'Safe and secure healthcare',
    aimJa:
      '医療機関や医療法人の運営に関して、医療安全を担保するための設備や人員の基準を定めるとともに、医療機関の経営を支援しています。',
  },
  {
    code: 'pharma-industry',
    nameJa: '医薬産業の振興・医薬品等の安定供給の確保',
    nameEn: 'Pharmaceutical industry and stable supply',
    aimJa:
      '予算や税制等を含む様々な手段を通じて日本の医薬品・医療機器産業を強力に後押しするとともに、必要な医薬品等を患者のもとに届けるための医薬品等の安定供給や適正な流通の確保に取り組んでいます。',
  },
  {
    code: 'health-data',
    nameJa: '医療情報の利活用',
    nameEn: 'Use of health information (healthcare DX)',
    aimJa:
      '全国の医療機関等で電子カルテのデータを共有できる仕組みを構築するなど、医療情報の利活用を推進し、より質の高い医療の提供等を可能とする医療DXの実現に向けた取組を進めています。',
  },
  {
    code: 'reform-2040',
    nameJa: '2040年頃を見据えた医療制度改革',
    nameEn: 'Healthcare reform towards 2040',
    aimJa:
      '全国で高齢者数がピークを迎える2040年頃を見据えて、「治す医療」から「治し、支える医療」を実現し、必要な医療を必要なときに受けられる体制を確保できるようにしていきます。',
  },
];
