// GB/T 4762-1984 政治面貌代码. Synonyms are the customary short forms (中共党员, 民革会员 …)
// used in personnel files and on forms.
import type { Dict } from './types.ts';

export const politicalStatusDict: Dict = {
  code: 'political_status',
  name: '政治面貌',
  nameEn: 'Political status',
  standard: 'GB/T 4762-1984',
  items: [
    {
      code: '01',
      name: '中国共产党党员',
      nameEn: 'Member of the Communist Party of China',
      synonyms: ['中共党员', '党员', '共产党员'],
    },
    {
      code: '02',
      name: '中国共产党预备党员',
      nameEn: 'Probationary member of the Communist Party of China',
      synonyms: ['中共预备党员', '预备党员'],
    },
    {
      code: '03',
      name: '中国共产主义青年团团员',
      nameEn: 'Member of the Communist Youth League of China',
      synonyms: ['共青团员', '团员'],
    },
    {
      code: '04',
      name: '中国国民党革命委员会会员',
      nameEn: 'Member of the Revolutionary Committee of the Chinese Kuomintang',
      synonyms: ['民革会员', '民革党员', '民革'],
    },
    {
      code: '05',
      name: '中国民主同盟盟员',
      nameEn: 'Member of the China Democratic League',
      synonyms: ['民盟盟员', '民盟'],
    },
    {
      code: '06',
      name: '中国民主建国会会员',
      nameEn: 'Member of the China National Democratic Construction Association',
      synonyms: ['民建会员', '民建'],
    },
    {
      code: '07',
      name: '中国民主促进会会员',
      nameEn: 'Member of the China Association for Promoting Democracy',
      synonyms: ['民进会员', '民进'],
    },
    {
      code: '08',
      name: '中国农工民主党党员',
      nameEn: "Member of the Chinese Peasants' and Workers' Democratic Party",
      synonyms: ['农工党党员', '农工党'],
    },
    {
      code: '09',
      name: '中国致公党党员',
      nameEn: 'Member of the China Zhi Gong Party',
      synonyms: ['致公党党员', '致公党'],
    },
    {
      code: '10',
      name: '九三学社社员',
      nameEn: 'Member of the Jiusan Society',
      synonyms: ['九三学社'],
    },
    {
      code: '11',
      name: '台湾民主自治同盟盟员',
      nameEn: 'Member of the Taiwan Democratic Self-Government League',
      synonyms: ['台盟盟员', '台盟'],
    },
    {
      code: '12',
      name: '无党派民主人士',
      nameEn: 'Non-party democrat',
      synonyms: ['无党派人士', '无党派'],
    },
    { code: '13', name: '群众', nameEn: 'No political affiliation' },
  ],
};
