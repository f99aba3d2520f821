import { ValueTier } from '../modules/value/value.enums.js';

export interface ValueElementSeed {
  code: string;
  name: string;
  nameRu: string;
  tier: ValueTier;
  subgroup: string | null;
  description: string;
}

type Row = [
  code: string,
  name: string,
  nameRu: string,
  subgroup: string | null,
  description: string,
];

/**
 * Bain & Company's B2B Elements of Value (Almquist, Cleghorn, Sherer, HBR March–April 2018):
 * 40 elements in five tiers, bottom (table stakes) to top (inspirational), names as in the
 * original exhibit. Reference data: loaded on every start, also without the demo company.
 */
const tiers: [ValueTier, Row[]][] = [
  [
    ValueTier.TABLE_STAKES,
    [
      [
        'MEETING_SPECIFICATIONS',
        'Meeting specifications',
        'Соответствие спецификациям',
        null,
        'Conforms to the customer’s internal specifications.',
      ],
      [
        'ACCEPTABLE_PRICE',
        'Acceptable price',
        'Приемлемая цена',
        null,
        'Provides products or services at an acceptable price.',
      ],
      [
        'REGULATORY_COMPLIANCE',
        'Regulatory compliance',
        'Соответствие требованиям регуляторов',
        null,
        'Complies with regulations.',
      ],
      [
        'ETHICAL_STANDARDS',
        'Ethical standards',
        'Этические стандарты',
        null,
        'Performs activities in an ethical manner.',
      ],
    ],
  ],
  [
    ValueTier.FUNCTIONAL,
    [
      [
        'IMPROVED_TOP_LINE',
        'Improved top line',
        'Рост выручки',
        'economic',
        'Helps the customer increase revenue.',
      ],
      [
        'COST_REDUCTION',
        'Cost reduction',
        'Снижение затрат',
        'economic',
        'Reduces cost for the customer’s organisation.',
      ],
      [
        'PRODUCT_QUALITY',
        'Product quality',
        'Качество продукта',
        'performance',
        'Provides high-quality goods or services.',
      ],
      [
        'SCALABILITY',
        'Scalability',
        'Масштабируемость',
        'performance',
        'Expands easily to additional demand, processes or applications.',
      ],
      [
        'INNOVATION',
        'Innovation',
        'Инновационность',
        'performance',
        'Provides innovative capability.',
      ],
    ],
  ],
  [
    ValueTier.EASE_OF_DOING_BUSINESS,
    [
      [
        'TIME_SAVINGS',
        'Time savings',
        'Экономия времени',
        'productivity',
        'Saves time for users or the overall organisation.',
      ],
      [
        'REDUCED_EFFORT',
        'Reduced effort',
        'Меньше усилий',
        'productivity',
        'Helps the organisation get things done with less effort.',
      ],
      [
        'DECREASED_HASSLES',
        'Decreased hassles',
        'Меньше хлопот',
        'productivity',
        'Helps avoid unnecessary hassles.',
      ],
      [
        'INFORMATION',
        'Information',
        'Информированность',
        'productivity',
        'Helps users become informed.',
      ],
      [
        'TRANSPARENCY',
        'Transparency',
        'Прозрачность',
        'productivity',
        'Provides a clear view into the customer’s organisation.',
      ],
      [
        'ORGANIZATION',
        'Organization',
        'Организованность',
        'operational',
        'Helps users become more organised.',
      ],
      [
        'SIMPLIFICATION',
        'Simplification',
        'Упрощение',
        'operational',
        'Reduces complexity and keeps things simple.',
      ],
      [
        'CONNECTION',
        'Connection',
        'Связь',
        'operational',
        'Connects organisations and users with others internally and externally.',
      ],
      [
        'INTEGRATION',
        'Integration',
        'Интеграция',
        'operational',
        'Helps integrate different facets of the business.',
      ],
      [
        'AVAILABILITY',
        'Availability',
        'Доступность',
        'access',
        'Is available when and where needed.',
      ],
      [
        'VARIETY',
        'Variety',
        'Ассортимент',
        'access',
        'Provides a variety of goods or services to choose from.',
      ],
      [
        'CONFIGURABILITY',
        'Configurability',
        'Настраиваемость',
        'access',
        'Can be configured easily to the customer’s specific needs.',
      ],
      [
        'RESPONSIVENESS',
        'Responsiveness',
        'Оперативность',
        'relationship',
        'Responds promptly and professionally.',
      ],
      [
        'EXPERTISE',
        'Expertise',
        'Экспертиза',
        'relationship',
        'Provides know-how for the relevant industry or market.',
      ],
      [
        'COMMITMENT',
        'Commitment',
        'Вовлечённость',
        'relationship',
        'Shows commitment to the customer’s success.',
      ],
      [
        'STABILITY',
        'Stability',
        'Стабильность',
        'relationship',
        'Is a stable company for the foreseeable future.',
      ],
      [
        'CULTURAL_FIT',
        'Cultural fit',
        'Культурная совместимость',
        'relationship',
        'Fits well with the customer’s culture and people.',
      ],
      [
        'RISK_REDUCTION',
        'Risk reduction',
        'Снижение рисков',
        'strategic',
        'Protects the customer against loss or unnecessary risk.',
      ],
      [
        'REACH',
        'Reach',
        'Охват',
        'strategic',
        'Allows the customer to operate in more locations or market segments.',
      ],
      [
        'FLEXIBILITY',
        'Flexibility',
        'Гибкость',
        'strategic',
        'Moves beyond standard goods or services to allow customisation.',
      ],
      [
        'COMPONENT_QUALITY',
        'Component quality',
        'Качество компонентов',
        'strategic',
        'Improves the perceived quality of the customer’s products or services.',
      ],
    ],
  ],
  [
    ValueTier.INDIVIDUAL,
    [
      [
        'NETWORK_EXPANSION',
        'Network expansion',
        'Расширение связей',
        'career',
        'Helps users expand their professional network.',
      ],
      [
        'MARKETABILITY',
        'Marketability',
        'Ценность на рынке труда',
        'career',
        'Makes users more marketable in their field.',
      ],
      [
        'REPUTATIONAL_ASSURANCE',
        'Reputational assurance',
        'Защита репутации',
        'career',
        'Does not jeopardise, and may enhance, the buyer’s reputation at work.',
      ],
      [
        'DESIGN_AND_AESTHETICS',
        'Design & aesthetics',
        'Дизайн и эстетика',
        'personal',
        'Provides aesthetically pleasing goods or services.',
      ],
      [
        'GROWTH_AND_DEVELOPMENT',
        'Growth & development',
        'Рост и развитие',
        'personal',
        'Helps users develop personally.',
      ],
      [
        'REDUCED_ANXIETY',
        'Reduced anxiety',
        'Меньше тревоги',
        'personal',
        'Helps buyers or others feel more secure.',
      ],
      [
        'FUN_AND_PERKS',
        'Fun & perks',
        'Удовольствие и бонусы',
        'personal',
        'Is enjoyable to interact with or rewarding.',
      ],
    ],
  ],
  [
    ValueTier.INSPIRATIONAL,
    [
      [
        'VISION',
        'Vision',
        'Видение',
        null,
        'Helps the customer anticipate the direction of its markets.',
      ],
      [
        'HOPE',
        'Hope',
        'Надежда',
        null,
        'Gives buyers and users hope for the future of their organisation.',
      ],
      [
        'SOCIAL_RESPONSIBILITY',
        'Social responsibility',
        'Социальная ответственность',
        null,
        'Helps the customer be more socially responsible.',
      ],
    ],
  ],
];

/** The 40 elements in pyramid order; `sortOrder` is the index (1-based). */
export const BAIN_ELEMENTS: readonly ValueElementSeed[] = tiers.flatMap(([tier, rows]) =>
  rows.map(([code, name, nameRu, subgroup, description]) => ({
    code,
    name,
    nameRu,
    tier,
    subgroup,
    description,
  })),
);
