/**
 * Turns the text of a sentence into what the speech engine should say.
 *
 * Every language: NFC normalisation, removal of a leading source tag such as
 * "(Chinhphu.vn) - ", whitespace collapsing, and the Vietnamese document end
 * mark "./." at the end read as a full stop.
 *
 * Vietnamese additionally gets numbers, dates, times, ranges, ordinals, Roman
 * numerals, units and common abbreviations spelled out in words, because
 * browser voices read them poorly (or in English). Other languages are left
 * to the voice, which reads its own numbers, except where English voices read
 * symbols: phone numbers ("1-877-382-4357", "(202) 555-0123", "020 7946
 * 0000") and codes ("123-45-6789") are read as amounts ("one dash eight
 * hundred and seventy-seven…"), so their digits are spaced out, with a pause
 * between groups ("1, 8 7 7, 3 8 2, 4 3 5 7"); numeric dates ("10/31/2025",
 * "2025-10-31") become words; "5-10", "9am-5pm" and "2024-25" read "to".
 *
 * Reading rules chosen where Vietnamese usage varies:
 * - "nghìn" (not "ngàn"), "tỷ" (not "tỉ"), "linh" (not "lẻ") for a zero ten:
 *   105 = "một trăm linh năm"; after "linh" a 4 is "bốn".
 * - 1 after "mươi" is "mốt", 4 after "mươi" is "tư", 5 after "mười"/"mươi" is
 *   "lăm": 21 "hai mươi mốt", 24 "hai mươi tư", 15 "mười lăm", 14 "mười bốn".
 * - An all-zero group of three digits is skipped and a non-leading group below
 *   100 is read with "không trăm": 2.000.020 = "hai triệu không trăm hai
 *   mươi", 1.001 = "một nghìn không trăm linh một".
 * - Above a billion the tỷ count is read as a number: 1.500.000.000.000 =
 *   "một nghìn năm trăm tỷ".
 * - Decimals: "," is read "phẩy", the leading zeros of the fraction digit by
 *   digit and the rest as a number: 5,3 = "năm phẩy ba", 0,05 = "không phẩy
 *   không năm", 3,14 = "ba phẩy mười bốn".
 * - An integer written with a leading zero and three or more digits (phone
 *   numbers, codes) is read digit by digit; "06" is read as its value.
 * - Phone numbers are read digit by digit, with a pause between the groups the
 *   page wrote: "0912 345 678", "(024) 3825.0000", "+84 24 3825 0000" (9 to 11
 *   digits from the leading 0, "+84" read "cộng tám bốn"), and hotlines "1900
 *   9095", "1800.599.920" (a dash after 1800 or 1900 begins a range of years).
 * - Months: "tháng một" for 1 and "tháng tư" for 4; days are plain numbers
 *   ("ngày một", "ngày bốn"). A date line's "Th 6" and a time's "SA" / "CH"
 *   read "Thứ sáu" and "sáng" / "chiều". "d-m" is a date after "ngày" or a
 *   time of day ("ngày 20-11", "sáng 2-9"), after a holiday or a named day,
 *   with the dates listed after it ("dịp lễ 30-4 và 1-5", "Quốc khánh 2-9",
 *   "ngày Nhà giáo Việt Nam 20-11": "ba mươi tháng tư"), a range or a score
 *   elsewhere ("ngày 3-5 tháng 7" is a range of days).
 * - "/" between an amount and a period or a person reads "mỗi": "5%/năm",
 *   "2 lần/ngày", "100.000 đồng/người"; "km/h" is "ki lô mét một giờ".
 * - Hours written with "g" ("14g30", "8g sáng", "từ 8g đến 11g") are hours;
 *   elsewhere "500g" is grams. "ĐT:" is "Điện thoại", and a short number
 *   after "Hotline" or "đường dây nóng" ("1022", "113") is read digit by digit.
 * - "a-b" is a range ("a đến b") only when b > a; otherwise (a score such as
 *   4-2) the two numbers are read one after the other: "bốn hai". A dash
 *   between two times ("8h - 11h30") or two dates ("15/3 - 20/3/2024") is a
 *   range too. Three or more groups ("4-2023-01234", an application number),
 *   or a second group with a leading zero ("1-0012345"), make a code: read
 *   digit by digit, with a pause between the groups.
 * - "a/b" before "số" or "tổng số" is a fraction: "2/3 tổng số" = "hai phần ba
 *   tổng số". Otherwise d/m and m/yyyy are read as dates when the values are
 *   valid ("24/7", round the clock, is the one exception), and any other
 *   "a/b" reads "a trên b",
 *   as do the slashes of a document number: 15/2020/NĐ-CP = "mười lăm trên hai
 *   nghìn không trăm hai mươi trên Nghị định Chính phủ".
 * - Digits glued to letters ("5G", "H5N1") are left to the voice.
 */

/** "(Chinhphu.vn) - ", "(TTXVN) – ": a short parenthesised source name and a dash. */
const SOURCE_TAG = /^\s*\((?=[^()]*\p{L})[^()\n]{1,40}\)\s*[-–—]+\s*/u;
const WHITESPACE_RUN = /\s+/g;
const END_MARK = /\s*\.\/\.$/;
const SPEAKABLE = /[\p{L}\p{N}]/u;

/** What the speech engine is asked to say for `text`; "" when nothing is speakable. */
export function normaliseForSpeech(text: string, lang: string): string {
  let result = text
    .normalize('NFC')
    .replace(SOURCE_TAG, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim()
    .replace(END_MARK, '.');
  const language = lang.toLowerCase();
  if (language.startsWith('vi')) result = spellOutVietnamese(result).replace(WHITESPACE_RUN, ' ').trim();
  else if (language.startsWith('en')) result = spellOutEnglish(result, language);
  return SPEAKABLE.test(result) ? result : '';
}

/** North American ("1-877-382-4357", "(202) 555-0123") and British ("020 7946 0000", "+44 300 123 4567") phone numbers. */
const ENGLISH_PHONE =
  /(?<![\p{L}\p{N}+-])(?:(?:\+?1[-. ]?)?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}|(?:\+44 ?|0)\d{2,4} \d{3,4} ?\d{3,4})(?![\p{L}\p{N}]|[-.]\d)/gu;

/** A code of three or more groups of digits joined by dashes: "4-2023-01234", "123-45-6789". */
const DIGIT_CODE = /(?<![\p{L}\p{N}.,/-])\d+(?:-\d+){2,}(?![\p{L}\p{N}]|[.,/-]\d)/gu;

/** A phone number or code, digit by digit, with a pause between its groups: "1, 8 7 7, 3 8 2, 4 3 5 7". */
function spaceOutDigits(digits: string): string {
  return digits
    .split(/[^\d+]+/)
    .filter(Boolean)
    .map((group) => (group.startsWith('+') ? `plus ${[...group.slice(1)].join(' ')}` : [...group].join(' ')))
    .join(', ');
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "June 19, 2020" (American) or "19 June 2020"; undefined when the values are no date. */
function englishDate(day: string, month: string, year: string, monthFirst: boolean): string | undefined {
  const name = MONTHS_EN[Number(month) - 1];
  if (!name || Number(day) < 1 || Number(day) > 31) return undefined;
  return monthFirst ? `${name} ${Number(day)}, ${year}` : `${Number(day)} ${name} ${year}`;
}

/** A time: "8:30", "9am", "5 p.m.". */
const ENGLISH_TIME = String.raw`\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}`;
const ENGLISH_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const englishValue = (token: string): number => Number(token.replaceAll(',', ''));

const CURRENCIES: Readonly<Record<string, readonly [one: string, many: string, hundredth: string]>> = {
  '£': ['pound', 'pounds', 'pence'],
  $: ['dollar', 'dollars', 'cents'],
  '€': ['euro', 'euros', 'cents'],
};
const MONEY_SCALES: Readonly<Record<string, string>> = { k: 'thousand', m: 'million', bn: 'billion', tn: 'trillion' };
const ENGLISH_MONEY = /(?<![\p{L}\p{N}])([£$€])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|m|bn|tn|thousand|million|billion|trillion)(?![\p{L}\p{N}]))?/gu;

const ENGLISH_DAYS = new Map([
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['tues', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['thur', 'Thursday'],
  ['thurs', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
]);
/** "Mon-Fri", "Mon – Sat": a range of days of the week. */
const ENGLISH_DAY_RANGE = /(?<![\p{L}])(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?\s?[-–]\s?(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?![\p{L}])/giu;

/** "£12.50" -> "12 pounds 50 pence", "£1.5m" -> "1.5 million pounds", "$1" -> "1 dollar". */
function readEnglishMoney(_m: string, sign: string, whole: string, fraction: string | undefined, scale: string | undefined): string {
  const [one, many, hundredth] = CURRENCIES[sign]!;
  if (scale) return `${whole}${fraction === undefined ? '' : `.${fraction}`} ${MONEY_SCALES[scale] ?? scale} ${many}`;
  const unit = whole === '1' ? one : many;
  if (fraction?.length === 2) return Number(fraction) === 0 ? `${whole} ${unit}` : `${whole} ${unit} ${Number(fraction)} ${hundredth}`;
  return `${whole}${fraction === undefined ? '' : `.${fraction}`} ${fraction === undefined ? unit : many}`;
}

/**
 * English: what voices read as symbols. Phone numbers and codes ("123-45-6789") digit by digit;
 * numeric dates in words, month first unless the page's English is not American or the values
 * say otherwise ("19/06/2020"); "24/7"; a dash between two times or two rising numbers, and a
 * financial year "2024-25" or "2024/25", read "to". A falling pair ("3-2", a score) is left as
 * written. Amounts of money put the currency after the number, as said: "£1.5m" is "1.5 million
 * pounds" (a voice reads "pound one point five m"). "Mon-Fri" is "Monday to Friday", a time on the
 * hour loses its ":00", and "No. 10" is "number 10".
 */
function spellOutEnglish(text: string, language: string): string {
  const americanOrder = language === 'en' || language === 'en-us';
  return text
    .replace(ENGLISH_PHONE, spaceOutDigits)
    .replace(/(?<![\p{N}/.,-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|[/.,-]\d)/gu, (m, year: string, month: string, day: string) => englishDate(day, month, year, americanOrder) ?? m)
    .replace(DIGIT_CODE, spaceOutDigits)
    .replace(/(?<![\p{N}/.,])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{N}]|\/\d)/gu, (m, a: string, b: string, year: string) => {
      const monthFirst = Number(a) > 12 ? false : Number(b) > 12 ? true : americanOrder;
      return (monthFirst ? englishDate(b, a, year, true) : englishDate(a, b, year, false)) ?? m;
    })
    .replace(/(?<![\p{N}/.,])24\/7(?![\p{N}]|[/.,]\d)/gu, 'twenty-four seven')
    .replace(new RegExp(`(?<=(?<![\\p{L}\\p{N}])(?:${ENGLISH_TIME}))\\s*[-–]\\s*(?=(?:${ENGLISH_TIME})(?![\\p{L}\\p{N}]))`, 'gu'), ' to ')
    .replace(ENGLISH_MONEY, readEnglishMoney)
    .replace(/(?<![\p{L}])(No|Nos|no)\.\s?(?=\d)/gu, (_m, word: string) => (word === 'Nos' ? 'numbers ' : 'number '))
    .replace(ENGLISH_DAY_RANGE, (_m, from: string, to: string) => `${ENGLISH_DAYS.get(from.toLowerCase())} to ${ENGLISH_DAYS.get(to.toLowerCase())}`)
    // On the hour: "9:00 a.m." is "9 a.m." and "17:00" "17 hundred", not "nine zero zero".
    .replace(/(?<![\p{N}:.,])(\d{1,2}):00(?![\p{N}]|:\d)(\s?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}]))?/gu, (m, hour: string, half: string | undefined) =>
      Number(hour) > 24 ? m : half ? `${hour}${half}` : `${hour} hundred`,
    )
    .replace(/(?<![\p{N}.,/-])(\d{2})(\d{2})[-–/](\d{2})(?![\p{N}]|[.,/-]\d)/gu, (m, century: string, year: string, next: string) =>
      (Number(year) + 1) % 100 === Number(next) ? `${century}${year} to ${Number(next) === 0 ? Number(century) + 1 : century}${next}` : m,
    )
    .replace(
      new RegExp(`(?<![\\p{L}\\p{N}.,/-])(${ENGLISH_NUMBER})\\s*[-–]\\s*(${ENGLISH_NUMBER})(?![\\p{L}\\p{N}]|[.,/-]\\d)`, 'gu'),
      (m, first: string, second: string) => (englishValue(second) > englishValue(first) ? `${first} to ${second}` : m),
    );
}

// ---------------------------------------------------------------------------
// Vietnamese numbers

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const DIGITS_ONLY = /^\d+$/;
const LEADING_ZEROS = /^0+/;

function digitWord(digit: number): string {
  return DIGIT_WORDS[digit] ?? '';
}

/**
 * Reads a string of decimal digits as a Vietnamese cardinal number:
 * "1500000" -> "một triệu năm trăm nghìn". Leading zeros are ignored.
 */
export function readNumberVi(digits: string): string {
  if (!DIGITS_ONLY.test(digits)) throw new RangeError(`Not a string of digits: "${digits}"`);
  const significant = digits.replace(LEADING_ZEROS, '');
  return significant === '' ? DIGIT_WORDS[0] : readInteger(significant, true);
}

/** `digits` has no leading zero. `leading` is false after a higher part ("một tỷ ..."). */
function readInteger(digits: string, leading: boolean): string {
  if (digits.length <= 9) return readBelowBillion(Number(digits), leading);
  const billions = readInteger(digits.slice(0, -9), leading) + ' tỷ';
  const rest = Number(digits.slice(-9));
  return rest === 0 ? billions : `${billions} ${readBelowBillion(rest, false)}`;
}

function readBelowBillion(value: number, leading: boolean): string {
  const groups: ReadonlyArray<readonly [number, string]> = [
    [Math.floor(value / 1_000_000), 'triệu'],
    [Math.floor(value / 1000) % 1000, 'nghìn'],
    [value % 1000, ''],
  ];
  const words: string[] = [];
  let afterHigherPart = !leading;
  for (const [group, scale] of groups) {
    if (group === 0) continue;
    words.push(readGroup(group, afterHigherPart));
    if (scale) words.push(scale);
    afterHigherPart = true;
  }
  return words.join(' ');
}

/** How a units digit is read after "mươi" (tens of 20 and above). */
const UNITS_AFTER_MUOI: Readonly<Record<number, string>> = { 1: 'mốt', 4: 'tư', 5: 'lăm' };

/** 1..999; `withHundreds` forces "không trăm" for a non-leading group below 100. */
function readGroup(group: number, withHundreds: boolean): string {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  if (hundreds > 0 || withHundreds) words.push(digitWord(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
    if (units > 0) words.push(digitWord(units));
  } else if (tens === 1) {
    words.push('mười');
    if (units > 0) words.push(units === 5 ? 'lăm' : digitWord(units));
  } else {
    words.push(digitWord(tens), 'mươi');
    if (units > 0) words.push(UNITS_AFTER_MUOI[units] ?? digitWord(units));
  }
  return words.join(' ');
}

function readDigits(digits: string): string {
  return Array.from(digits, (d) => digitWord(Number(d))).join(' ');
}

/** Fraction digits: leading zeros one by one, the rest as a number. */
function readFraction(digits: string): string {
  const significant = digits.replace(LEADING_ZEROS, '');
  const zeros = Array<string>(digits.length - significant.length).fill(DIGIT_WORDS[0]);
  return [...zeros, ...(significant ? [readNumberVi(significant)] : [])].join(' ');
}

/** "1.500.000", "12,5", "2019": "." groups thousands, "," is the decimal mark. */
const VIETNAMESE_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const PHONE_LIKE = /^0\d{2,}$/;
const NUMBER_PARTS = /\d+|[.,]/g;

/** Reads one number token without "/" or ranges. */
function readNumberToken(token: string): string {
  if (!VIETNAMESE_NUMBER.test(token)) {
    // Section numbers ("1.2.3") and foreign grouping: part by part.
    return token.replace(NUMBER_PARTS, (part) =>
      part === '.' ? ' chấm ' : part === ',' ? ' phẩy ' : readIntegerToken(part),
    );
  }
  const [integer = '', fraction] = token.replaceAll('.', '').split(',');
  const integerWords = readIntegerToken(integer);
  return fraction === undefined ? integerWords : `${integerWords} phẩy ${readFraction(fraction)}`;
}

function readIntegerToken(digits: string): string {
  return PHONE_LIKE.test(digits) ? readDigits(digits) : readNumberVi(digits);
}

/** Numeric value of a token, NaN when it is not a plain Vietnamese number. */
function numberValue(token: string): number {
  return VIETNAMESE_NUMBER.test(token) ? Number(token.replaceAll('.', '').replace(',', '.')) : NaN;
}

/** "a/b/c" (each a number) reads "a trên b trên c". */
function readSlashedNumber(token: string): string {
  return token.split('/').map(readNumberToken).join(' trên ');
}

function ordinalVi(value: string): string {
  const n = Number(value);
  return n === 1 ? 'nhất' : n === 4 ? 'tư' : readNumberVi(value);
}

function monthVi(value: string): string {
  return Number(value) === 4 ? 'tư' : readNumberVi(value);
}

// ---------------------------------------------------------------------------
// Vietnamese passes, applied in order (earlier ones consume digits that later,
// more general ones would misread).

/** `text` just before `offset` ends with `word` (case-insensitive), e.g. "ngày 19/6". */
function precededBy(text: string, offset: number, word: RegExp): boolean {
  return word.test(text.slice(Math.max(0, offset - 8), offset));
}
const BEFORE_DAY = /ngày\s*$/iu;
const BEFORE_MONTH = /tháng\s*$/iu;
/**
 * What a holiday written "d-m" follows: "lễ", "dịp", "Quốc khánh", "kỷ niệm", "chào mừng", or a
 * named day ("Ngày Quốc tế Phụ nữ", "ngày Thương binh - Liệt sĩ").
 */
const HOLIDAY_CUE = '(?<![\\p{L}])(?:[Ll]ễ|[Dd]ịp|[Qq]uốc khánh|[Kk][ỷỉ] niệm|[Cc]hào mừng|[Nn]gày \\p{Lu}\\p{L}*(?:,? \\p{L}+| [-–]){0,8})';
const DAY_DASH_MONTH = '\\d{1,2}-\\d{1,2}';
/** "Q.", "P.", "TX." before a number or a name. */
const ADMINISTRATIVE_UNITS = new Map([['Q', 'Quận'], ['P', 'Phường'], ['TX', 'Thị xã']]);

const isDay = (d: string): boolean => Number(d) >= 1 && Number(d) <= 31;
const isMonth = (m: string): boolean => Number(m) >= 1 && Number(m) <= 12;

/** "ngày <days> tháng <month> [năm <year>]", without "ngày" if the text already says it. */
function dateWords(days: string, month: string, year: string | undefined, text: string, offset: number): string {
  const prefix = precededBy(text, offset, BEFORE_DAY) ? '' : 'ngày ';
  const yearWords = year === undefined ? '' : ` năm ${readNumberVi(year)}`;
  return `${prefix}${days} tháng ${monthVi(month)}${yearWords}`;
}

/** Same shape as the callback of String.prototype.replace in lib.d.ts. */
type Replacer = (match: string, ...args: any[]) => string;
type Pass = readonly [RegExp, Replacer];

/**
 * Expansions of whole words (case-sensitive). Longer entries win over their
 * prefixes ("TP." over "TP"). Extend here.
 */
const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['TP.', 'Thành phố'],
  ['Tp.', 'Thành phố'],
  ['TP', 'Thành phố'],
  ['TPHCM', 'Thành phố Hồ Chí Minh'],
  ['HCM', 'Hồ Chí Minh'],
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['BCH', 'Ban Chấp hành'],
  ['TW', 'Trung ương'],
  ['TƯ', 'Trung ương'],
  ['T.Ư', 'Trung ương'],
  ['ĐBQH', 'đại biểu Quốc hội'],
  ['CHXHCN', 'Cộng hòa xã hội chủ nghĩa'],
  ['XHCN', 'xã hội chủ nghĩa'],
  ['KT-XH', 'kinh tế - xã hội'],
  ['KH&CN', 'Khoa học và Công nghệ'],
  ['KHCN', 'Khoa học và Công nghệ'],
  ['GD&ĐT', 'Giáo dục và Đào tạo'],
  ['NN&PTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['TN&MT', 'Tài nguyên và Môi trường'],
  ['LĐ-TB&XH', 'Lao động - Thương binh và Xã hội'],
  ['TT&TT', 'Thông tin và Truyền thông'],
  ['CNTT', 'công nghệ thông tin'],
  ['SHTT', 'sở hữu trí tuệ'],
  ['SHCN', 'sở hữu công nghiệp'],
  ['THPT', 'trung học phổ thông'],
  ['THCS', 'trung học cơ sở'],
  ['BHXH', 'bảo hiểm xã hội'],
  ['BHYT', 'bảo hiểm y tế'],
  ['DNNVV', 'doanh nghiệp nhỏ và vừa'],
  ['NXB', 'Nhà xuất bản'],
  ['VH-TT&DL', 'Văn hóa, Thể thao và Du lịch'],
  ['VHTTDL', 'Văn hóa, Thể thao và Du lịch'],
  ['KH&ĐT', 'Kế hoạch và Đầu tư'],
  ['GTVT', 'Giao thông vận tải'],
  ['TAND', 'Tòa án nhân dân'],
  ['VKSND', 'Viện kiểm sát nhân dân'],
  ['CAND', 'Công an nhân dân'],
  ['QĐND', 'Quân đội nhân dân'],
  ['LHQ', 'Liên Hợp Quốc'],
  ['BCĐ', 'Ban Chỉ đạo'],
  ['NSNN', 'ngân sách nhà nước'],
  ['CCHC', 'cải cách hành chính'],
  ['HTX', 'hợp tác xã'],
  ['ATGT', 'an toàn giao thông'],
  ['ATTP', 'an toàn thực phẩm'],
  ['PCCC', 'phòng cháy, chữa cháy'],
  ['LĐTB&XH', 'Lao động - Thương binh và Xã hội'],
  ['TNMT', 'tài nguyên và môi trường'],
  ['CĐS', 'chuyển đổi số'],
  ['DVCTT', 'dịch vụ công trực tuyến'],
  ['TTHC', 'thủ tục hành chính'],
  ['CSDL', 'cơ sở dữ liệu'],
  ['KCN', 'khu công nghiệp'],
  ['QLNN', 'quản lý nhà nước'],
  ['CBCCVC', 'cán bộ, công chức, viên chức'],
  ['CCVC', 'công chức, viên chức'],
  ['HĐQT', 'Hội đồng quản trị'],
  ['UBKT', 'Ủy ban Kiểm tra'],
  ['VPCP', 'Văn phòng Chính phủ'],
  ['NHNN', 'Ngân hàng Nhà nước'],
  ['BQL', 'Ban Quản lý'],
  ['ĐBSCL', 'Đồng bằng sông Cửu Long'],
  ['PCTT', 'phòng, chống thiên tai'],
  ['TKCN', 'tìm kiếm cứu nạn'],
  ['ATTT', 'an toàn thông tin'],
  ['ANTT', 'an ninh trật tự'],
  ['QP-AN', 'quốc phòng - an ninh'],
  ['GPMB', 'giải phóng mặt bằng'],
  ['TĐC', 'tái định cư'],
  ['XDCB', 'xây dựng cơ bản'],
  ['NTM', 'nông thôn mới'],
  ['Đ/c', 'Đồng chí'],
  ['đ/c', 'đồng chí'],
  ['v.v...', 'vân vân'],
  ['v.v…', 'vân vân'],
  ['v.v.', 'vân vân'],
];

/** Academic and professional titles; they chain with "." ("PGS.TS.", "ThS. BS."). */
const TITLES: ReadonlyArray<readonly [string, string]> = [
  ['PGS', 'Phó Giáo sư'],
  ['GS', 'Giáo sư'],
  ['TSKH', 'Tiến sĩ Khoa học'],
  ['TS', 'Tiến sĩ'],
  ['ThS', 'Thạc sĩ'],
  ['Ths', 'Thạc sĩ'],
  ['Th.S', 'Thạc sĩ'],
  ['NCS', 'Nghiên cứu sinh'],
  ['BS', 'Bác sĩ'],
  ['KS', 'Kỹ sư'],
];

/** Parts of a document number's code ("NĐ-CP", "QĐ-TTg", "NQ/TW"), then ABBREVIATIONS. */
const DOCUMENT_CODE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['NĐ', 'Nghị định'],
  ['QĐ', 'Quyết định'],
  ['NQ', 'Nghị quyết'],
  ['TT', 'Thông tư'],
  ['TTLT', 'Thông tư liên tịch'],
  ['CT', 'Chỉ thị'],
  ['CP', 'Chính phủ'],
  ['KH', 'Kế hoạch'],
  ['TTg', 'Thủ tướng'],
  ['QH', 'Quốc hội'],
  ['BTC', 'Bộ Tài chính'],
  ['BKHCN', 'Bộ Khoa học và Công nghệ'],
  ['CV', 'Công văn'],
  ['TB', 'Thông báo'],
  ['BC', 'Báo cáo'],
  ['VP', 'Văn phòng'],
  ['VPCP', 'Văn phòng Chính phủ'],
  ['BTTTT', 'Bộ Thông tin và Truyền thông'],
  ['BNV', 'Bộ Nội vụ'],
  ['BYT', 'Bộ Y tế'],
  ['BCT', 'Bộ Công Thương'],
  ['BXD', 'Bộ Xây dựng'],
  ['BTP', 'Bộ Tư pháp'],
  ['BCA', 'Bộ Công an'],
  ['BQP', 'Bộ Quốc phòng'],
  ['BGDĐT', 'Bộ Giáo dục và Đào tạo'],
  ['BGTVT', 'Bộ Giao thông vận tải'],
  ['BKHĐT', 'Bộ Kế hoạch và Đầu tư'],
  ['BTNMT', 'Bộ Tài nguyên và Môi trường'],
  ['BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn'],
  ['BLĐTBXH', 'Bộ Lao động - Thương binh và Xã hội'],
  ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['NHNN', 'Ngân hàng Nhà nước'],
  ['SHTT', 'Cục Sở hữu trí tuệ'],
];

/** Units after a number ("30%", "500.000đ", "12 ha"). Longer entries win. */
const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['%', 'phần trăm'],
  ['VNĐ', 'đồng'],
  ['VND', 'đồng'],
  ['vnđ', 'đồng'],
  ['đ', 'đồng'],
  ['USD', 'đô la Mỹ'],
  ['tr.đồng', 'triệu đồng'],
  ['tr.đ', 'triệu đồng'],
  ['ha', 'héc ta'],
  ['km²', 'ki lô mét vuông'],
  ['km2', 'ki lô mét vuông'],
  ['km/h', 'ki lô mét một giờ'],
  ['km', 'ki lô mét'],
  ['m²', 'mét vuông'],
  ['m2', 'mét vuông'],
  ['kg', 'ki lô gam'],
  ['g', 'gam'],
  ['°C', 'độ C'],
  ['°F', 'độ F'],
  ['°', 'độ'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alternation of the table's keys, longest first. */
function alternation(table: ReadonlyArray<readonly [string, string]>): string {
  return table
    .map(([key]) => key)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** Whole-word pattern: a key ending in a letter or digit must not run on into one. */
function wordAlternation(table: ReadonlyArray<readonly [string, string]>): string {
  return table
    .map(([key]) => key)
    .sort((a, b) => b.length - a.length)
    .map((key) => escapeRegExp(key) + (/[\p{L}\p{N}]$/u.test(key) ? '(?![\\p{L}\\p{N}])' : ''))
    .join('|');
}

const ABBREVIATION_WORDS = new Map(ABBREVIATIONS);
const TITLE_WORDS = new Map(TITLES);
const CODE_WORDS = new Map(DOCUMENT_CODE_WORDS);
const UNIT_WORDS = new Map(UNITS);

const ABBREVIATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wordAlternation(ABBREVIATIONS)})`, 'gu');
const TITLE_PART = new RegExp(alternation(TITLES), 'gu');
/** A chain of titles ending in "." or followed by a capitalised name. */
const TITLE_CHAIN = new RegExp(
  `(?<![\\p{L}\\p{N}.])((?:${alternation(TITLES)})(?:\\.\\s?(?:${alternation(TITLES)}))*)(?:\\.|(?=\\s+\\p{Lu}))`,
  'gu',
);
/** A unit after a number or a scale word ("3,07 tỷ USD"). */
const UNIT = new RegExp(
  `(?<=\\d|(?<![\\p{L}])(?:nghìn|ngàn|triệu|tỷ|tỉ))\\s?(${alternation(UNITS)})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Expansion, plus a space if it would otherwise run into the next word ("TP.HCM"). */
function expand(expansion: string, text: string, end: number): string {
  return SPEAKABLE.test(text[end] ?? '') ? `${expansion} ` : expansion;
}

/** Valid Roman numerals up to 399 (chapters, congresses, centuries). */
const ROMAN = /^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_VALUES[numeral.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[numeral.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const CODE_PART = /^(\p{L}+)(\d*)$/u;

function readCodePart(part: string): string {
  const [, letters = part, digits = ''] = CODE_PART.exec(part) ?? [];
  const words = CODE_WORDS.get(letters) ?? ABBREVIATION_WORDS.get(letters) ?? letters;
  return digits ? `${words} ${readNumberVi(digits)}` : words;
}

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
/** "15/3", "15/3/2024" or "3/2024". */
const DATE_LIKE = String.raw`\d{1,2}\/(?:\d{1,2}(?:\/\d{4})?|\d{4})`;

/** A phone number: its start ("+84", "(024)", "0912", a hotline's 1800 or 1900) and the groups that follow. */
const PHONE = /(?<![\p{L}\p{N}.,/+-])(\(\+84\)|\+84|\(0\d{1,3}\)|0\d{2,3}|1[89]00)((?:[ .-]?\d{2,4}){1,4})(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const PHONE_SEPARATORS = /[\s.()-]+/;

function readPhone(m: string, start: string, rest: string): string {
  const digits = m.replace(/\D/g, '').length;
  const international = start.includes('+84');
  const hotline = start === '1800' || start === '1900';
  const fits = international ? digits >= 10 && digits <= 12 : hotline ? digits >= 8 && digits <= 10 && !rest.includes('-') : digits >= 9 && digits <= 11;
  if (!fits) return m;
  const groups = m.split(PHONE_SEPARATORS).filter(Boolean);
  return groups.map((group) => (group.startsWith('+') ? `cộng ${readDigits(group.slice(1))}` : readDigits(group))).join(', ');
}

const VIETNAMESE_PASSES: readonly Pass[] = [
  // Phone numbers, before dates and numbers read their groups.
  [PHONE, readPhone],
  // Short numbers to call: "đường dây nóng 1022", "Hotline: 113" are read digit by digit.
  [/(?<=(?<![\p{L}])(?:[Hh]otline|HOTLINE|[Đđ]ường dây nóng|[Tt]ổng đài)\s*:?\s*)(\d{3,5})(?![\p{N}]|[.,]\d)/gu, (digits: string) => readDigits(digits)],
  // "ĐT: 024…": the telephone, not training (Đào tạo).
  [/(?<![\p{L}])ĐT(?=\s*:)/gu, () => 'Điện thoại'],
  // Document numbers: "15/2020/NĐ-CP", "123/QĐ-SHTT", "52-NQ/TW", "50/2005/QH11".
  [
    /(?<![\p{L}\p{N}/])(\d+(?:\/\d+)*)([/-])(\p{Lu}[\p{L}\p{N}]*(?:[-/]\p{L}[\p{L}\p{N}]*)*)/gu,
    (_m, numbers: string, separator: string, code: string) =>
      `${readSlashedNumber(numbers)}${separator === '/' ? ' trên ' : ' '}${code.split(/[-/]/).map(readCodePart).join(' ')}`,
  ],
  // Fractions of a whole: "2/3 tổng số đại biểu" -> "hai phần ba tổng số đại biểu".
  [
    /(?<![\p{N}/.,])(\d{1,3})\/(\d{1,3})(?=\s+(?:số|tổng số)(?![\p{L}]))/gu,
    (_m, numerator: string, denominator: string) => `${readNumberVi(numerator)} phần ${readNumberVi(denominator)}`,
  ],
  // "24/7" means round the clock, not 24 July.
  [/(?<![\p{N}/.,])24\/7(?![\p{N}]|[/.,]\d)/gu, () => 'hai mươi tư trên bảy'],
  // A dash between two dates is a range: "15/3 - 20/3/2024", "12/2019 - 3/2020".
  [new RegExp(`(?<=(?<![\\p{N}/.,])${DATE_LIKE})\\s*[-–]\\s*(?=${DATE_LIKE}(?![\\p{N}]|\\/\\d))`, 'gu'), () => ' đến '],
  // Day ranges: "18-19/6", "18 - 19/6/2020".
  [
    /(?<![\p{N}/.,])(\d{1,2})\s*[-–]\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\p{N}]|\/\d)/gu,
    (m: string, from: string, to: string, month: string, year: string | undefined, offset: number, text: string) =>
      isDay(from) && isDay(to) && Number(from) < Number(to) && isMonth(month)
        ? dateWords(`${readNumberVi(from)} đến ${readNumberVi(to)}`, month, year, text, offset)
        : m,
  ],
  // Full dates: "19/06/2020", "19-06-2020", "19.06.2020".
  [
    /(?<![\p{N}/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{N}]|[/.,-]\d)/gu,
    (m: string, day: string, _sep: string, month: string, year: string, offset: number, text: string) =>
      isDay(day) && isMonth(month) ? dateWords(readNumberVi(day), month, year, text, offset) : m,
  ],
  // ISO dates: "2020-06-19".
  [
    /(?<![\p{N}/.,-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|[/.,-]\d)/gu,
    (m: string, year: string, month: string, day: string, offset: number, text: string) =>
      isDay(day) && isMonth(month) ? dateWords(readNumberVi(day), month, year, text, offset) : m,
  ],
  // Day and month with a dash after "ngày" or a time of day: "ngày 20-11", "sáng 2-9" (not a
  // range of days before its month: "ngày 3-5 tháng 7").
  [
    /(?<=(?<![\p{L}])(?:[Nn]gày|[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm) )(\d{1,2})-(\d{1,2})(?![\p{N}]|[/.,-]\d|\s+tháng(?![\p{L}]))/gu,
    (m: string, day: string, month: string, offset: number, text: string) =>
      isDay(day) && isMonth(month) ? dateWords(readNumberVi(day), month, undefined, text, offset) : m,
  ],
  // Holidays and named days, and the dates listed after them: "dịp lễ 30-4 và 1-5", "Quốc khánh
  // 2-9", "ngày Nhà giáo Việt Nam 20-11" -> "ba mươi tháng tư và một tháng năm".
  [
    new RegExp(`(?<=${HOLIDAY_CUE} )${DAY_DASH_MONTH}(?:(?:,| và| hoặc) ${DAY_DASH_MONTH})*(?![\\p{N}]|[/.,-]\\d|\\s+tháng(?![\\p{L}]))`, 'gu'),
    (m: string) =>
      Array.from(m.matchAll(/(\d{1,2})-(\d{1,2})/g)).every(([, day, month]) => isDay(day!) && isMonth(month!))
        ? m.replace(/(\d{1,2})-(\d{1,2})/g, (_d, day: string, month: string) => `${readNumberVi(day)} tháng ${monthVi(month)}`)
        : m,
  ],
  // Codes of three or more groups: an application number "4-2023-01234" is read group by group, digit by digit.
  [DIGIT_CODE, (m: string) => m.split('-').map(readDigits).join(', ')],
  // Month and year: "6/2020".
  [
    /(?<![\p{N}/.,])(\d{1,2})\/(\d{4})(?![\p{N}]|\/\d)/gu,
    (m: string, month: string, year: string, offset: number, text: string) =>
      isMonth(month)
        ? `${precededBy(text, offset, BEFORE_MONTH) ? '' : 'tháng '}${monthVi(month)} năm ${readNumberVi(year)}`
        : m,
  ],
  // Day and month: "18/6".
  [
    /(?<![\p{N}/.,])(\d{1,2})\/(\d{1,2})(?![\p{N}]|[/.,]\d)/gu,
    (m: string, day: string, month: string, offset: number, text: string) =>
      isDay(day) && isMonth(month) ? dateWords(readNumberVi(day), month, undefined, text, offset) : m,
  ],
  // A date line's weekday and half of the day: "Th 6, 19/06/2020 | 11:39 SA".
  [/(?<![\p{L}\p{N}])Th ?([2-7])(?=,)/gu, (_m, day: string) => `Thứ ${ordinalVi(day)}`],
  [/(?<=(?<![\p{N}:])\d{1,2}:\d{2}(?::\d{2})?) ?(SA|CH)(?![\p{L}\p{N}])/gu, (_m, half: string) => (half === 'SA' ? ' sáng' : ' chiều')],
  // A dash between two times is a range: "8h - 11h30", "7:30-9:00".
  [
    /(?<=(?<![\p{L}\p{N}])\d{1,2}(?:h\d{0,2}|:\d{2}))\s*[-–]\s*(?=\d{1,2}(?:h\d{0,2}|:\d{2})(?![\p{L}\p{N}]))/gu,
    () => ' đến ',
  ],
  // Clock times: "11:39", "7:05:30".
  [
    /(?<![\p{N}:.,])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\p{N}]|:\d)/gu,
    (m: string, hour: string, minute: string, second: string | undefined) =>
      Number(hour) <= 24 && Number(minute) <= 59 && (second === undefined || Number(second) <= 59)
        ? [
            `${readNumberVi(hour)} giờ`,
            Number(minute) > 0 || second !== undefined ? `${readNumberVi(minute)} phút` : '',
            second === undefined ? '' : `${readNumberVi(second)} giây`,
          ]
            .filter(Boolean)
            .join(' ')
        : m,
  ],
  // Hours with "g" as some papers write them: "14g30", "8g sáng"; "8g" alone only after a word of
  // time ("từ 8g đến 11g"), as "500g" or "20g muối" are grams.
  [
    /(?<![\p{L}\p{N}])(\d{1,2})g(?=\d{2}(?![\p{L}\p{N}])| (?:sáng|trưa|chiều|tối|đêm)(?![\p{L}]))|(?<=(?<![\p{L}])(?:[Ll]úc|[Tt]ừ|đến|tới|trước|sau|[Vv]ào) )(\d{1,2})g(?![\p{L}\p{N}])/gu,
    (_m, withMinutes?: string, alone?: string) => `${withMinutes ?? alone}h`,
  ],
  // Hours with "h": "11h30", "8h".
  [
    /(?<![\p{L}\p{N}])(\d{1,2})h(\d{2})?(?![\p{L}\p{N}])/gu,
    (m: string, hour: string, minute: string | undefined) =>
      Number(hour) <= 24 && (minute === undefined || Number(minute) <= 59)
        ? `${readNumberVi(hour)} giờ${minute === undefined || Number(minute) === 0 ? '' : ` ${readNumberVi(minute)}`}`
        : m,
  ],
  // Titles: "PGS.TS.", "ThS. BS.", "TS Nguyễn".
  [
    TITLE_CHAIN,
    (m: string, chain: string, offset: number, text: string) =>
      expand(
        Array.from(chain.matchAll(TITLE_PART), ([part]) => TITLE_WORDS.get(part) ?? part).join(' '),
        text,
        offset + m.length,
      ),
  ],
  // "Q. 1", "P.12", "Q.Thanh Xuân", "TX.Sơn Tây": district, ward and town before a number, or
  // glued to a name.
  [
    /(?<![\p{L}\p{N}])(Q|P|TX)\.(?:\s?(?=\d)|(?=\p{Lu}))/gu,
    (_m, letter: string) => `${ADMINISTRATIVE_UNITS.get(letter)} `,
  ],
  [
    ABBREVIATION,
    (m: string, offset: number, text: string) => expand(ABBREVIATION_WORDS.get(m) ?? m, text, offset + m.length),
  ],
  // Roman numerals after words that number things: "Đại hội XIII", "khóa XV",
  // "thế kỷ XXI", "lần thứ IV", "quý II/2020". A lone L or C is a letter.
  [
    /(?<![\p{L}])([Đđ]ại hội|[Kk]hóa|[Kk]hoá|[Hh]ội nghị|[Pp]hần|[Cc]hương|[Mm]ục|[Pp]hụ lục|[Tt]hế kỷ|[Tt]hế kỉ|[Qq]uý|[Tt]hứ)(\s+)([IVXLC]+)(?:\/(\d{4}))?(?![\p{L}\p{N}])/gu,
    (m: string, trigger: string, space: string, numeral: string, year: string | undefined) => {
      if (!ROMAN.test(numeral) || numeral === 'L' || numeral === 'C') return m;
      const value = String(romanValue(numeral));
      const words = trigger.toLowerCase() === 'thứ' ? ordinalVi(value) : readNumberVi(value);
      return `${trigger}${space}${words}${year === undefined ? '' : ` năm ${readNumberVi(year)}`}`;
    },
  ],
  // Ordinals: "thứ 2" -> "thứ hai", "thứ 1" -> "thứ nhất", "thứ 4" -> "thứ tư".
  [
    /(?<![\p{L}])([Tt]hứ)(\s+)(\d{1,3})(?![\p{N}]|[.,/:]\d)/gu,
    (_m, word: string, space: string, value: string) => `${word}${space}${ordinalVi(value)}`,
  ],
  // Month names: "tháng 4" -> "tháng tư".
  [
    /(?<![\p{L}])([Tt]háng)(\s+)(\d{1,2})(?![\p{N}]|[.,/:]\d)/gu,
    (m: string, word: string, space: string, value: string) =>
      isMonth(value) ? `${word}${space}${monthVi(value)}` : m,
  ],
  // A price or a rate per period, person or measure: "1,6 triệu đồng/tháng" -> "đồng mỗi tháng", "5%/năm", "2 lần/ngày", "7.000 đ/kg".
  [
    /(?<=đồng|đ|VNĐ|USD|%|lần|lượt|người|chuyến|tấn|kg)\/(năm|tháng|tuần|ngày|giờ|người|lượt|hộ|kg|tấn|lít|ha|m2|m²)(?![\p{L}\p{N}])/gu,
    (_m, per: string) => ` mỗi ${UNIT_WORDS.get(per) ?? per}`,
  ],
  [UNIT, (_m, unit: string) => ` ${UNIT_WORDS.get(unit) ?? unit}`],
  // Remaining numbers, ranges ("2015-2019") and slashed numbers ("15/2020").
  [
    new RegExp(
      `(?<![\\p{L}\\p{N}])(${NUMBER}(?:/${NUMBER})*)(?:\\s*[-–—]\\s*(${NUMBER}))?(?![\\p{L}\\p{N}]|[.,/]\\d)`,
      'gu',
    ),
    (_m, first: string, second: string | undefined) => {
      if (second === undefined) return readSlashedNumber(first);
      // "4-0123456": a code whose second part is read digit by digit, not a range.
      const joiner = PHONE_LIKE.test(second) ? ', ' : numberValue(second) > numberValue(first) ? ' đến ' : ' ';
      return readSlashedNumber(first) + joiner + readNumberToken(second);
    },
  ],
];

function spellOutVietnamese(text: string): string {
  return VIETNAMESE_PASSES.reduce((result, [pattern, replacer]) => result.replace(pattern, replacer), text);
}
