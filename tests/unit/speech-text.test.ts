import { describe, it, expect } from 'vitest';
import { normaliseForSpeech, readNumberVi } from '../../features/read-aloud/speech-text';

type Case = readonly [input: string, spoken: string];

const Y2019 = 'hai nghìn không trăm mười chín';
const Y2020 = 'hai nghìn không trăm hai mươi';

/** readNumberVi: digits to Vietnamese words. */
const NUMBER_WORDS: readonly Case[] = [
  ['0', 'không'],
  ['1', 'một'],
  ['4', 'bốn'],
  ['5', 'năm'],
  ['10', 'mười'],
  ['11', 'mười một'],
  ['14', 'mười bốn'],
  ['15', 'mười lăm'],
  ['20', 'hai mươi'],
  ['21', 'hai mươi mốt'],
  ['24', 'hai mươi tư'],
  ['25', 'hai mươi lăm'],
  ['41', 'bốn mươi mốt'],
  ['44', 'bốn mươi tư'],
  ['55', 'năm mươi lăm'],
  ['99', 'chín mươi chín'],
  ['100', 'một trăm'],
  ['101', 'một trăm linh một'],
  ['104', 'một trăm linh bốn'],
  ['105', 'một trăm linh năm'],
  ['110', 'một trăm mười'],
  ['111', 'một trăm mười một'],
  ['115', 'một trăm mười lăm'],
  ['121', 'một trăm hai mươi mốt'],
  ['999', 'chín trăm chín mươi chín'],
  ['1000', 'một nghìn'],
  ['1001', 'một nghìn không trăm linh một'],
  ['1010', 'một nghìn không trăm mười'],
  ['1100', 'một nghìn một trăm'],
  ['2005', 'hai nghìn không trăm linh năm'],
  ['2019', Y2019],
  ['2020', Y2020],
  ['2021', 'hai nghìn không trăm hai mươi mốt'],
  ['10000', 'mười nghìn'],
  ['21000', 'hai mươi mốt nghìn'],
  ['100000', 'một trăm nghìn'],
  ['1000000', 'một triệu'],
  ['1000001', 'một triệu không trăm linh một'],
  ['1020000', 'một triệu không trăm hai mươi nghìn'],
  ['1234567', 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
  ['1500000', 'một triệu năm trăm nghìn'],
  ['2000020', 'hai triệu không trăm hai mươi'],
  ['5000300', 'năm triệu ba trăm'],
  ['1000000000', 'một tỷ'],
  ['1000000005', 'một tỷ không trăm linh năm'],
  ['2500000000', 'hai tỷ năm trăm triệu'],
  ['1500000000000', 'một nghìn năm trăm tỷ'],
  ['1000000000000000000', 'một tỷ tỷ'],
  ['007', 'bảy'],
  ['06', 'sáu'],
  ['000', 'không'],
];

/** Numbers in running Vietnamese text. */
const NUMBER_CASES: readonly Case[] = [
  ['Cục đã tiếp nhận 1.500.000 hồ sơ.', 'Cục đã tiếp nhận một triệu năm trăm nghìn hồ sơ.'],
  ['Tăng trưởng đạt 5,3%.', 'Tăng trưởng đạt năm phẩy ba phần trăm.'],
  ['Tỷ lệ tăng 12,5% so với năm trước.', 'Tỷ lệ tăng mười hai phẩy năm phần trăm so với năm trước.'],
  ['Chiếm 30% tổng số đơn.', 'Chiếm ba mươi phần trăm tổng số đơn.'],
  ['Năm 2019 là năm bản lề.', `Năm ${Y2019} là năm bản lề.`],
  ['Có 105 đơn vị tham gia.', 'Có một trăm linh năm đơn vị tham gia.'],
  ['Có 21 tỉnh tham gia.', 'Có hai mươi mốt tỉnh tham gia.'],
  ['Tỉnh đã khởi công 25 dự án.', 'Tỉnh đã khởi công hai mươi lăm dự án.'],
  ['Thời hạn giải quyết là 15 ngày làm việc.', 'Thời hạn giải quyết là mười lăm ngày làm việc.'],
  ['Sau 10 năm thực hiện Nghị quyết.', 'Sau mười năm thực hiện Nghị quyết.'],
  ['Có 14 tập thể được tặng Cờ thi đua.', 'Có mười bốn tập thể được tặng Cờ thi đua.'],
  ['Có 24 cá nhân được tặng Bằng khen.', 'Có hai mươi tư cá nhân được tặng Bằng khen.'],
  ['Gói hỗ trợ 1.000.000.000 đồng.', 'Gói hỗ trợ một tỷ đồng.'],
  ['Cục nhận được 2.005 đơn.', 'Cục nhận được hai nghìn không trăm linh năm đơn.'],
  ['Tổng số 1.234.567 đơn.', 'Tổng số một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đơn.'],
  ['Có 101 sáng kiến được công nhận.', 'Có một trăm linh một sáng kiến được công nhận.'],
  ['Đã giải quyết 1.001 hồ sơ.', 'Đã giải quyết một nghìn không trăm linh một hồ sơ.'],
  ['Có 110 đại biểu dự.', 'Có một trăm mười đại biểu dự.'],
  ['Mức phạt 2.000.020 đồng.', 'Mức phạt hai triệu không trăm hai mươi đồng.'],
  [
    'Trong 5 năm qua, phong trào thi đua và công tác khen thưởng của Cục đã có nhiều chuyển biến tích cực.',
    'Trong năm năm qua, phong trào thi đua và công tác khen thưởng của Cục đã có nhiều chuyển biến tích cực.',
  ],
  ['Thời gian lấy ý kiến là 45 ngày.', 'Thời gian lấy ý kiến là bốn mươi lăm ngày.'],
  ['Có 41 đơn vị tham gia.', 'Có bốn mươi mốt đơn vị tham gia.'],
  ['Đã tiếp nhận 104 hồ sơ.', 'Đã tiếp nhận một trăm linh bốn hồ sơ.'],
  ['Cổng dịch vụ công có 1.020.000 lượt truy cập.', 'Cổng dịch vụ công có một triệu không trăm hai mươi nghìn lượt truy cập.'],
  ['Lãi suất giảm 0,5%.', 'Lãi suất giảm không phẩy năm phần trăm.'],
  ['CPI giảm 0,03% so với tháng trước.', 'CPI giảm không phẩy không ba phần trăm so với tháng trước.'],
  ['Hệ số điều chỉnh là 3,14.', 'Hệ số điều chỉnh là ba phẩy mười bốn.'],
  ['Gói hỗ trợ trị giá 62.000 tỷ đồng.', 'Gói hỗ trợ trị giá sáu mươi hai nghìn tỷ đồng.'],
  ['Thu ngân sách đạt 541,9 nghìn tỷ đồng.', 'Thu ngân sách đạt năm trăm bốn mươi mốt phẩy chín nghìn tỷ đồng.'],
  ['Tổng vốn 1.500.000.000.000 đồng.', 'Tổng vốn một nghìn năm trăm tỷ đồng.'],
  ['Mức phạt tối đa là 100.000.000 đồng.', 'Mức phạt tối đa là một trăm triệu đồng.'],
  ['Hơn 10.000 đại biểu tham dự.', 'Hơn mười nghìn đại biểu tham dự.'],
  ['Cục đã tiếp nhận 57.000 đơn các loại.', 'Cục đã tiếp nhận năm mươi bảy nghìn đơn các loại.'],
  ['Cục đã cấp 3.058 bằng độc quyền sáng chế.', 'Cục đã cấp ba nghìn không trăm năm mươi tám bằng độc quyền sáng chế.'],
  ['Số đơn sáng chế đạt 7.520 đơn.', 'Số đơn sáng chế đạt bảy nghìn năm trăm hai mươi đơn.'],
  ['Ban Tổ chức nhận được 1.235 tác phẩm.', 'Ban Tổ chức nhận được một nghìn hai trăm ba mươi lăm tác phẩm.'],
  ['Đơn trong nước chiếm 75,4%.', 'Đơn trong nước chiếm bảy mươi lăm phẩy bốn phần trăm.'],
  ['Tỷ lệ giải ngân đạt 97,5%.', 'Tỷ lệ giải ngân đạt chín mươi bảy phẩy năm phần trăm.'],
  ['Tăng trưởng còn 2,91%.', 'Tăng trưởng còn hai phẩy chín mươi mốt phần trăm.'],
  ['Bình quân 5 tháng, CPI tăng 4,39%.', 'Bình quân năm tháng, CPI tăng bốn phẩy ba mươi chín phần trăm.'],
  ['Con số này bằng 35,6% dự toán.', 'Con số này bằng ba mươi lăm phẩy sáu phần trăm dự toán.'],
  ['Thu nhập bình quân đạt 64,5 triệu đồng/năm.', 'Thu nhập bình quân đạt sáu mươi tư phẩy năm triệu đồng mỗi năm.'],
  ['Lương cơ sở tăng từ 1,49 triệu đồng lên 1,6 triệu đồng/tháng.', 'Lương cơ sở tăng từ một phẩy bốn mươi chín triệu đồng lên một phẩy sáu triệu đồng mỗi tháng.'],
  ['Tăng 5%/năm, uống 2 lần/ngày, 100.000 đồng/người, tốc độ 60 km/h.', 'Tăng năm phần trăm mỗi năm, uống hai lần mỗi ngày, một trăm nghìn đồng mỗi người, tốc độ sáu mươi ki lô mét một giờ.'],
  ['Lúc 14g30, từ 8g đến 11g, 7g sáng; 500g đường, 20g muối; khoảng 20 tr.đồng.', 'Lúc mười bốn giờ ba mươi, từ tám giờ đến mười một giờ, bảy giờ sáng; năm trăm gam đường, hai mươi gam muối; khoảng hai mươi triệu đồng.'],
  ['ĐT: 0236.3822.123; Hotline 1022, đường dây nóng: 113; Bộ GD&ĐT.', 'Điện thoại: không hai ba sáu, ba tám hai hai, một hai ba; Hotline một không hai hai, đường dây nóng: một một ba; Bộ Giáo dục và Đào tạo.'],
  ['Giá lúa 7.000 đ/kg, năng suất 6 tấn/ha, thuê 50.000 đồng/m2.', 'Giá lúa bảy nghìn đồng mỗi ki lô gam, năng suất sáu tấn mỗi héc ta, thuê năm mươi nghìn đồng mỗi mét vuông.'],
  ['Sản lượng lúa đạt 43,5 triệu tấn.', 'Sản lượng lúa đạt bốn mươi ba phẩy năm triệu tấn.'],
  ['Toàn tỉnh có 512 trường.', 'Toàn tỉnh có năm trăm mười hai trường.'],
  ['Kết nối tới 63 tỉnh, thành phố.', 'Kết nối tới sáu mươi ba tỉnh, thành phố.'],
  ['Có 18 dự án được trao quyết định.', 'Có mười tám dự án được trao quyết định.'],
  ['Đã hoàn thuế 23.474 tỷ đồng.', 'Đã hoàn thuế hai mươi ba nghìn bốn trăm bảy mươi tư tỷ đồng.'],
  ['Dự án dài khoảng 654 km.', 'Dự án dài khoảng sáu trăm năm mươi tư ki lô mét.'],
  ['Xem mục 1.2 của Phụ lục.', 'Xem mục một chấm hai của Phụ lục.'],
  ['Số điện thoại đường dây nóng là 0912345678.', 'Số điện thoại đường dây nóng là không chín một hai ba bốn năm sáu bảy tám.'],
  ['Điểm trung bình là 8,75.', 'Điểm trung bình là tám phẩy bảy mươi lăm.'],
  ['Kim ngạch đạt 1.005 triệu USD.', 'Kim ngạch đạt một nghìn không trăm linh năm triệu đô la Mỹ.'],
];

/** Dates. */
const DATE_CASES: readonly Case[] = [
  ['19/06/2020', `ngày mười chín tháng sáu năm ${Y2020}`],
  ['ngày 19/06/2020', `ngày mười chín tháng sáu năm ${Y2020}`],
  [
    'Ngày 19/06/2020, Bộ Khoa học và Công nghệ tổ chức họp báo.',
    `Ngày mười chín tháng sáu năm ${Y2020}, Bộ Khoa học và Công nghệ tổ chức họp báo.`,
  ],
  ['Hội nghị diễn ra ngày 18/6.', 'Hội nghị diễn ra ngày mười tám tháng sáu.'],
  ['18/6', 'ngày mười tám tháng sáu'],
  [
    'Chiều 18/6, tại Hà Nội, Phó Thủ tướng chủ trì cuộc họp.',
    'Chiều ngày mười tám tháng sáu, tại Hà Nội, Phó Thủ tướng chủ trì cuộc họp.',
  ],
  ['6/2020', `tháng sáu năm ${Y2020}`],
  ['Tính đến hết tháng 6/2020.', `Tính đến hết tháng sáu năm ${Y2020}.`],
  ['CPI 5/2020 giảm nhẹ.', `CPI tháng năm năm ${Y2020} giảm nhẹ.`],
  ['Nghị định có hiệu lực từ ngày 15/4/2020.', `Nghị định có hiệu lực từ ngày mười lăm tháng tư năm ${Y2020}.`],
  ['Quy định áp dụng từ ngày 01/7/2020.', `Quy định áp dụng từ ngày một tháng bảy năm ${Y2020}.`],
  ['Luật có hiệu lực từ ngày 01/01/2021.', 'Luật có hiệu lực từ ngày một tháng một năm hai nghìn không trăm hai mươi mốt.'],
  ['Hồ sơ nộp trước ngày 30/9/2020.', `Hồ sơ nộp trước ngày ba mươi tháng chín năm ${Y2020}.`],
  ['Lễ kỷ niệm tổ chức ngày 24/4.', 'Lễ kỷ niệm tổ chức ngày hai mươi tư tháng tư.'],
  ['Hạn chót là ngày 4/12.', 'Hạn chót là ngày bốn tháng mười hai.'],
  ['Ngày 1.7.2020, Luật sửa đổi chính thức có hiệu lực.', `Ngày một tháng bảy năm ${Y2020}, Luật sửa đổi chính thức có hiệu lực.`],
  ['Văn bản ký ngày 19-06-2020.', `Văn bản ký ngày mười chín tháng sáu năm ${Y2020}.`],
  ['Cập nhật ngày 2020-06-19.', `Cập nhật ngày mười chín tháng sáu năm ${Y2020}.`],
  ['Hội thảo diễn ra từ ngày 18-19/6.', 'Hội thảo diễn ra từ ngày mười tám đến mười chín tháng sáu.'],
  [
    'Trong hai ngày 18 - 19/6/2020, hội nghị diễn ra tại Hà Nội.',
    `Trong hai ngày mười tám đến mười chín tháng sáu năm ${Y2020}, hội nghị diễn ra tại Hà Nội.`,
  ],
  ['Văn bản số 15/2020 đã được ban hành.', `Văn bản số mười lăm trên ${Y2020} đã được ban hành.`],
  ['ngày 18 tháng 6 năm 2020', `ngày mười tám tháng sáu năm ${Y2020}`],
  ['tháng 4 năm 2020', `tháng tư năm ${Y2020}`],
  ['Từ tháng 1, giá điện tăng.', 'Từ tháng một, giá điện tăng.'],
  ['Đến tháng 12, dự án hoàn thành.', 'Đến tháng mười hai, dự án hoàn thành.'],
  ['Đề nghị báo cáo trước ngày 15/7/2020.', `Đề nghị báo cáo trước ngày mười lăm tháng bảy năm ${Y2020}.`],
  ['Sáng 20/6, Thủ tướng dự hội nghị.', 'Sáng ngày hai mươi tháng sáu, Thủ tướng dự hội nghị.'],
  ['Sau 14 tháng thi công, cây cầu thông xe.', 'Sau mười bốn tháng thi công, cây cầu thông xe.'],
  ['Luật được hơn 2/3 tổng số đại biểu tán thành.', 'Luật được hơn hai phần ba tổng số đại biểu tán thành.'],
  ['Gần 1/2 số hộ đã thoát nghèo.', 'Gần một phần hai số hộ đã thoát nghèo.'],
  ['Tổng đài trực 24/7 trong dịp Tết.', 'Tổng đài trực hai mươi tư trên bảy trong dịp Tết.'],
];

/** Ranges. */
const RANGE_CASES: readonly Case[] = [
  ['giai đoạn 2015-2019', 'giai đoạn hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín'],
  ['giai đoạn 2020 - 2025', `giai đoạn ${Y2020} đến hai nghìn không trăm hai mươi lăm`],
  ['giai đoạn 2020–2025', `giai đoạn ${Y2020} đến hai nghìn không trăm hai mươi lăm`],
  ['từ 2015-2019', 'từ hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín'],
  ['Đội tuyển thắng với tỷ số 4-2.', 'Đội tuyển thắng với tỷ số bốn hai.'],
  ['Hai đội hòa 2-2.', 'Hai đội hòa hai hai.'],
  ['Lãi suất giảm từ 10-15%.', 'Lãi suất giảm từ mười đến mười lăm phần trăm.'],
  ['Nhiệt độ phổ biến 35-37 độ C.', 'Nhiệt độ phổ biến ba mươi lăm đến ba mươi bảy độ C.'],
  [
    'Hội nghị cũng đã nghe Báo cáo tổng kết công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ giai đoạn 2015-2019 và phương hướng, nhiệm vụ giai đoạn 2020-2025 do ông Phan Ngân Sơn - Phó Cục trưởng trình bày.',
    'Hội nghị cũng đã nghe Báo cáo tổng kết công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ giai đoạn hai nghìn không trăm mười lăm đến hai nghìn không trăm mười chín và phương hướng, nhiệm vụ giai đoạn hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm do ông Phan Ngân Sơn - Phó Cục trưởng trình bày.',
  ],
  [
    'các tập thể và cá nhân đã đạt được các thành tích cao trong phong trào thi đua các năm 2017-2019',
    'các tập thể và cá nhân đã đạt được các thành tích cao trong phong trào thi đua các năm hai nghìn không trăm mười bảy đến hai nghìn không trăm mười chín',
  ],
  ['nhiệm kỳ 2020-2021', `nhiệm kỳ ${Y2020} đến hai nghìn không trăm hai mươi mốt`],
  ['Hỗ trợ từ 1,5-2 triệu đồng mỗi hộ.', 'Hỗ trợ từ một phẩy năm đến hai triệu đồng mỗi hộ.'],
  ['Quy mô 1.000-1.500 người.', 'Quy mô một nghìn đến một nghìn năm trăm người.'],
  ['Làm việc từ 8h - 11h30 và 13h30-17h.', 'Làm việc từ tám giờ đến mười một giờ ba mươi và mười ba giờ ba mươi đến mười bảy giờ.'],
  ['Ca trực 7:30 – 9:00.', 'Ca trực bảy giờ ba mươi phút đến chín giờ.'],
  ['Kỷ niệm ngày 20-11; sáng 2-9, tại Hà Nội.', 'Kỷ niệm ngày hai mươi tháng mười một; sáng ngày hai tháng chín, tại Hà Nội.'],
  ['Từ ngày 1-3 đến ngày 5-3, còn ngày 32-13 thì không.', 'Từ ngày một tháng ba đến ngày năm tháng ba, còn ngày ba mươi hai mười ba thì không.'],
  // Holidays and named days written d-m, and the dates listed after them.
  ['Dịp nghỉ lễ 30-4 và 1-5 năm nay kéo dài 5 ngày.', 'Dịp nghỉ lễ ba mươi tháng tư và một tháng năm năm nay kéo dài năm ngày.'],
  ['Kỷ niệm 79 năm Quốc khánh 2-9; kỷ niệm 30-4, 1-5 và 2-9.', 'Kỷ niệm bảy mươi chín năm Quốc khánh hai tháng chín; kỷ niệm ba mươi tháng tư, một tháng năm và hai tháng chín.'],
  ['Chào mừng ngày Nhà giáo Việt Nam 20-11 và ngày Thương binh - Liệt sĩ 27-7.', 'Chào mừng ngày Nhà giáo Việt Nam hai mươi tháng mười một và ngày Thương binh - Liệt sĩ hai mươi bảy tháng bảy.'],
  // A range of days before its month, and a pair that is no date, stay what they are.
  ['Từ ngày 3-5 tháng 7, lễ 30-13 không có.', 'Từ ngày ba đến năm tháng bảy, lễ ba mươi mười ba không có.'],
  ['Nhận hồ sơ từ 15/3 - 20/3/2024.', 'Nhận hồ sơ từ ngày mười lăm tháng ba đến ngày hai mươi tháng ba năm hai nghìn không trăm hai mươi tư.'],
  ['Kỳ báo cáo 12/2019 - 3/2020.', `Kỳ báo cáo tháng mười hai năm ${Y2019} đến tháng ba năm ${Y2020}.`],
  // Not ranges: application numbers and codes are read digit by digit, group by group.
  ['Đơn số 4-2023-01234 được chấp nhận.', 'Đơn số bốn, hai không hai ba, không một hai ba bốn được chấp nhận.'],
  ['Bằng độc quyền số 1-0012345.', 'Bằng độc quyền số một, không không một hai ba bốn năm.'],
  ['Hà Nội, 15/3/2024 - 20 doanh nghiệp', 'Hà Nội, ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư - hai mươi doanh nghiệp'],
];

/** Ordinals and Roman numerals. */
const ORDINAL_CASES: readonly Case[] = [
  ['Cuộc họp diễn ra vào thứ 2.', 'Cuộc họp diễn ra vào thứ hai.'],
  ['Đây là lần thứ 4 Cục tổ chức.', 'Đây là lần thứ tư Cục tổ chức.'],
  ['Việt Nam xếp thứ 1 trong khu vực.', 'Việt Nam xếp thứ nhất trong khu vực.'],
  ['Kỳ họp thứ 15 của Hội đồng nhân dân.', 'Kỳ họp thứ mười lăm của Hội đồng nhân dân.'],
  ['Đây là lần thứ 3 Cục tổ chức hội nghị này.', 'Đây là lần thứ ba Cục tổ chức hội nghị này.'],
  ['Thứ 7 tuần này làm việc bình thường.', 'Thứ bảy tuần này làm việc bình thường.'],
  ['Xếp thứ 14 trên thế giới.', 'Xếp thứ mười bốn trên thế giới.'],
  ['Xếp thứ 24 trên thế giới.', 'Xếp thứ hai mươi tư trên thế giới.'],
  ['Kỳ họp thứ 10 bế mạc.', 'Kỳ họp thứ mười bế mạc.'],
  ['Chào mừng Đại hội XIII của Đảng.', 'Chào mừng Đại hội mười ba của Đảng.'],
  ['Quốc hội khóa XV họp phiên đầu tiên.', 'Quốc hội khóa mười lăm họp phiên đầu tiên.'],
  ['Việt Nam trong thế kỷ XXI.', 'Việt Nam trong thế kỷ hai mươi mốt.'],
  [
    'tiến tới Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng',
    'tiến tới Đại hội Đại biểu toàn quốc lần thứ mười ba của Đảng',
  ],
  ['Hội nghị Trung ương 8 khóa XII.', 'Hội nghị Trung ương tám khóa mười hai.'],
  ['Chương II quy định về thủ tục.', 'Chương hai quy định về thủ tục.'],
  ['Phần IV của báo cáo.', 'Phần bốn của báo cáo.'],
  ['Mục III nêu rõ giải pháp.', 'Mục ba nêu rõ giải pháp.'],
  ['GDP quý II/2020 tăng 0,36%.', `GDP quý hai năm ${Y2020} tăng không phẩy ba mươi sáu phần trăm.`],
  ['Quý IV năm nay.', 'Quý bốn năm nay.'],
  ['Hội nghị lần thứ I.', 'Hội nghị lần thứ nhất.'],
  ['Chiến tranh thế giới thứ II kết thúc.', 'Chiến tranh thế giới thứ hai kết thúc.'],
  ['Kỳ họp lần thứ IV.', 'Kỳ họp lần thứ tư.'],
  ['Quốc hội khoá XIV.', 'Quốc hội khoá mười bốn.'],
  ['Hội nghị lần thứ IX Ban Chấp hành Đảng bộ.', 'Hội nghị lần thứ chín Ban Chấp hành Đảng bộ.'],
  ['Đại hội Đảng bộ Cục lần thứ XXIV.', 'Đại hội Đảng bộ Cục lần thứ hai mươi tư.'],
  ['Xem Phụ lục C.', 'Xem Phụ lục C.'],
  ['Khu vực XIII là tên riêng.', 'Khu vực XIII là tên riêng.'],
  ['Cục trưởng Cục Xuất bản và Bộ trưởng Lý Văn Minh.', 'Cục trưởng Cục Xuất bản và Bộ trưởng Lý Văn Minh.'],
  ['khóa VIP không phải số La Mã.', 'khóa VIP không phải số La Mã.'],
  ['Phần IIII không hợp lệ.', 'Phần IIII không hợp lệ.'],
];

/** Abbreviations, titles and document numbers. */
const ABBREVIATION_CASES: readonly Case[] = [
  ['Hội nghị tổ chức tại TP. HCM.', 'Hội nghị tổ chức tại Thành phố Hồ Chí Minh.'],
  ['Hội nghị tổ chức tại TP.HCM.', 'Hội nghị tổ chức tại Thành phố Hồ Chí Minh.'],
  ['Hội nghị tổ chức tại TP. Hồ Chí Minh.', 'Hội nghị tổ chức tại Thành phố Hồ Chí Minh.'],
  ['Đoàn công tác làm việc tại TP. Đà Nẵng.', 'Đoàn công tác làm việc tại Thành phố Đà Nẵng.'],
  ['Sở Khoa học và Công nghệ TPHCM.', 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh.'],
  ['Sở Tư pháp Tp. Hà Nội.', 'Sở Tư pháp Thành phố Hà Nội.'],
  ['UBND tỉnh Quảng Ninh vừa ban hành kế hoạch.', 'Ủy ban nhân dân tỉnh Quảng Ninh vừa ban hành kế hoạch.'],
  ['HĐND tỉnh khai mạc kỳ họp.', 'Hội đồng nhân dân tỉnh khai mạc kỳ họp.'],
  ['Ban Chấp hành TW Đảng.', 'Ban Chấp hành Trung ương Đảng.'],
  ['Hội nghị T.Ư 8.', 'Hội nghị Trung ương tám.'],
  [
    'Văn phòng tại số 17 Hoàng Diệu, P. 12, Q. 4, TP. HCM.',
    'Văn phòng tại số mười bảy Hoàng Diệu, Phường mười hai, Quận bốn, Thành phố Hồ Chí Minh.',
  ],
  ['Trụ sở tại Q.1.', 'Trụ sở tại Quận một.'],
  ['Trụ sở tại Q. Thanh Xuân.', 'Trụ sở tại Q. Thanh Xuân.'],
  ['Trụ sở tại Q.Thanh Xuân, P.Bến Nghé và TX.Sơn Tây.', 'Trụ sở tại Quận Thanh Xuân, Phường Bến Nghé và Thị xã Sơn Tây.'],
  ['Tham dự có TS. Trần Văn Bình.', 'Tham dự có Tiến sĩ Trần Văn Bình.'],
  ['Báo cáo do ThS. Lê Thị Hoa trình bày.', 'Báo cáo do Thạc sĩ Lê Thị Hoa trình bày.'],
  ['Chủ trì có PGS. Phạm Hồng Chương.', 'Chủ trì có Phó Giáo sư Phạm Hồng Chương.'],
  ['GS. Nguyễn Minh Thuyết phát biểu.', 'Giáo sư Nguyễn Minh Thuyết phát biểu.'],
  [
    'PGS.TS. Nguyễn Văn A., Viện trưởng Viện Chiến lược, trình bày báo cáo.',
    'Phó Giáo sư Tiến sĩ Nguyễn Văn A., Viện trưởng Viện Chiến lược, trình bày báo cáo.',
  ],
  ['BS. Nguyễn Trọng Khoa cho biết.', 'Bác sĩ Nguyễn Trọng Khoa cho biết.'],
  ['KS. Đỗ Văn Hùng có sáng kiến.', 'Kỹ sư Đỗ Văn Hùng có sáng kiến.'],
  ['GS.TS. Trần Hồng Thái cho biết.', 'Giáo sư Tiến sĩ Trần Hồng Thái cho biết.'],
  ['TS.BS. Lương Ngọc Khuê trao đổi.', 'Tiến sĩ Bác sĩ Lương Ngọc Khuê trao đổi.'],
  ['ThS. BS. Nguyễn Thị Lan phụ trách.', 'Thạc sĩ Bác sĩ Nguyễn Thị Lan phụ trách.'],
  ['Th.S Nguyễn Thu Trang trình bày.', 'Thạc sĩ Nguyễn Thu Trang trình bày.'],
  ['Theo TS Lê Đăng Doanh, cần cải cách.', 'Theo Tiến sĩ Lê Đăng Doanh, cần cải cách.'],
  ['GS.TSKH. Nguyễn Đình Đức phát biểu.', 'Giáo sư Tiến sĩ Khoa học Nguyễn Đình Đức phát biểu.'],
  ['PGS. TS. Nguyễn Văn Tuấn chủ trì.', 'Phó Giáo sư Tiến sĩ Nguyễn Văn Tuấn chủ trì.'],
  ['Đ/c Nguyễn Văn Thắng phát biểu.', 'Đồng chí Nguyễn Văn Thắng phát biểu.'],
  ['Các đ/c lãnh đạo dự họp.', 'Các đồng chí lãnh đạo dự họp.'],
  ['Máy tính, máy in v.v. đã được trang bị.', 'Máy tính, máy in vân vân đã được trang bị.'],
  ['Máy tính, máy in v.v... đã được trang bị.', 'Máy tính, máy in vân vân đã được trang bị.'],
  ['Bộ KH&CN tổ chức hội nghị.', 'Bộ Khoa học và Công nghệ tổ chức hội nghị.'],
  ['Lãnh đạo Bộ KHCN dự họp.', 'Lãnh đạo Bộ Khoa học và Công nghệ dự họp.'],
  ['Trung tâm CNTT được thành lập.', 'Trung tâm công nghệ thông tin được thành lập.'],
  [
    'Nghị định số 15/2020/NĐ-CP quy định xử phạt.',
    `Nghị định số mười lăm trên ${Y2020} trên Nghị định Chính phủ quy định xử phạt.`,
  ],
  [
    'Quyết định số 1062/QĐ-TTg ngày 14/6/2016.',
    'Quyết định số một nghìn không trăm sáu mươi hai trên Quyết định Thủ tướng ngày mười bốn tháng sáu năm hai nghìn không trăm mười sáu.',
  ],
  ['Nghị quyết số 52-NQ/TW của Bộ Chính trị.', 'Nghị quyết số năm mươi hai Nghị quyết Trung ương của Bộ Chính trị.'],
  ['Kế hoạch số 120/KH-UBND.', 'Kế hoạch số một trăm hai mươi trên Kế hoạch Ủy ban nhân dân.'],
  [
    'Thông tư 01/2020/TT-BKHCN.',
    `Thông tư một trên ${Y2020} trên Thông tư Bộ Khoa học và Công nghệ.`,
  ],
  ['Luật số 50/2005/QH11.', 'Luật số năm mươi trên hai nghìn không trăm linh năm trên Quốc hội mười một.'],
  ['Nghị quyết 42/NQ-CP.', 'Nghị quyết bốn mươi hai trên Nghị quyết Chính phủ.'],
  ['Quyết định số 6/2020/QĐ-TTg.', `Quyết định số sáu trên ${Y2020} trên Quyết định Thủ tướng.`],
  [
    'Thông tư 01/2024/TT-BTTTT, Công văn 123/UBND-VP, Quyết định 456/QĐ-SHTT và Thông báo 7/TB-VPCP.',
    'Thông tư một trên hai nghìn không trăm hai mươi tư trên Thông tư Bộ Thông tin và Truyền thông, Công văn một trăm hai mươi ba trên Ủy ban nhân dân Văn phòng, Quyết định bốn trăm năm mươi sáu trên Quyết định Cục Sở hữu trí tuệ và Thông báo bảy trên Thông báo Văn phòng Chính phủ.',
  ],
  ['Trường THPT Chu Văn An.', 'Trường trung học phổ thông Chu Văn An.'],
  ['Trường THCS Nguyễn Du.', 'Trường trung học cơ sở Nguyễn Du.'],
  ['Ủy ban MTTQ Việt Nam tỉnh.', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.'],
  ['Phát triển KT-XH bền vững.', 'Phát triển kinh tế - xã hội bền vững.'],
  ['Bộ LĐ-TB&XH hướng dẫn.', 'Bộ Lao động - Thương binh và Xã hội hướng dẫn.'],
  ['Bộ GD&ĐT công bố đề thi.', 'Bộ Giáo dục và Đào tạo công bố đề thi.'],
  ['Bộ NN&PTNT chỉ đạo.', 'Bộ Nông nghiệp và Phát triển nông thôn chỉ đạo.'],
  ['Sở TN&MT kiểm tra.', 'Sở Tài nguyên và Môi trường kiểm tra.'],
  ['Bộ TT&TT cấp phép.', 'Bộ Thông tin và Truyền thông cấp phép.'],
  ['Bảo vệ quyền SHTT.', 'Bảo vệ quyền sở hữu trí tuệ.'],
  ['Tham gia BHXH, BHYT đầy đủ.', 'Tham gia bảo hiểm xã hội, bảo hiểm y tế đầy đủ.'],
  ['Các ĐBQH thảo luận.', 'Các đại biểu Quốc hội thảo luận.'],
  ['Nước CHXHCN Việt Nam.', 'Nước Cộng hòa xã hội chủ nghĩa Việt Nam.'],
  ['Hỗ trợ DNNVV.', 'Hỗ trợ doanh nghiệp nhỏ và vừa.'],
  ['NXB Chính trị quốc gia.', 'Nhà xuất bản Chính trị quốc gia.'],
  ['Hãng HCMC Airlines.', 'Hãng HCMC Airlines.'],
  ['Công ty UBNDX.', 'Công ty UBNDX.'],
  ['HĐND TP. Đà Nẵng khóa IX.', 'Hội đồng nhân dân Thành phố Đà Nẵng khóa chín.'],
  ['Bộ VH-TT&DL và Bộ KH&ĐT phối hợp với Bộ GTVT.', 'Bộ Văn hóa, Thể thao và Du lịch và Bộ Kế hoạch và Đầu tư phối hợp với Bộ Giao thông vận tải.'],
  ['TAND tối cao, VKSND tối cao, lực lượng CAND và QĐND.', 'Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao, lực lượng Công an nhân dân và Quân đội nhân dân.'],
  ['BCĐ về CCHC, chi NSNN cho các HTX.', 'Ban Chỉ đạo về cải cách hành chính, chi ngân sách nhà nước cho các hợp tác xã.'],
  ['Đẩy mạnh CĐS, cắt giảm TTHC, kết nối CSDL và DVCTT cho CBCCVC.', 'Đẩy mạnh chuyển đổi số, cắt giảm thủ tục hành chính, kết nối cơ sở dữ liệu và dịch vụ công trực tuyến cho cán bộ, công chức, viên chức.'],
  ['Sở TNMT, Sở LĐTB&XH bàn về NTM, PCTT và TKCN, QLNN về XDCB với CCVC.', 'Sở tài nguyên và môi trường, Sở Lao động - Thương binh và Xã hội bàn về nông thôn mới, phòng, chống thiên tai và tìm kiếm cứu nạn, quản lý nhà nước về xây dựng cơ bản với công chức, viên chức.'],
  ['BQL các KCN vùng ĐBSCL lo GPMB và TĐC; NHNN, VPCP, UBKT và HĐQT họp về ATTT, ANTT, QP-AN.', 'Ban Quản lý các khu công nghiệp vùng Đồng bằng sông Cửu Long lo giải phóng mặt bằng và tái định cư; Ngân hàng Nhà nước, Văn phòng Chính phủ, Ủy ban Kiểm tra và Hội đồng quản trị họp về an toàn thông tin, an ninh trật tự, quốc phòng - an ninh.'],
  ['Kiểm tra ATTP, ATGT và PCCC theo khuyến nghị của LHQ.', 'Kiểm tra an toàn thực phẩm, an toàn giao thông và phòng cháy, chữa cháy theo khuyến nghị của Liên Hợp Quốc.'],
];

/** Times and units. */
const TIME_AND_UNIT_CASES: readonly Case[] = [
  ['Lúc 11:39, hệ thống được khôi phục.', 'Lúc mười một giờ ba mươi chín phút, hệ thống được khôi phục.'],
  ['Cuộc họp bắt đầu lúc 11h30.', 'Cuộc họp bắt đầu lúc mười một giờ ba mươi.'],
  ['Khai mạc lúc 8h.', 'Khai mạc lúc tám giờ.'],
  ['Bế mạc lúc 14:00.', 'Bế mạc lúc mười bốn giờ.'],
  ['Làm việc từ 7h30 đến 17h.', 'Làm việc từ bảy giờ ba mươi đến mười bảy giờ.'],
  ['Phát lệnh lúc 8h05.', 'Phát lệnh lúc tám giờ năm.'],
  ['Thời điểm 10:05:30.', 'Thời điểm mười giờ năm phút ba mươi giây.'],
  ['Th 6, 19/06/2020 | 11:39 SA', `Thứ sáu, ngày mười chín tháng sáu năm ${Y2020} | mười một giờ ba mươi chín phút sáng`],
  ['Th 2, 22/06/2020 | 02:15 CH', `Thứ hai, ngày hai mươi hai tháng sáu năm ${Y2020} | hai giờ mười lăm phút chiều`],
  ['Mức hỗ trợ 1.500.000 VNĐ.', 'Mức hỗ trợ một triệu năm trăm nghìn đồng.'],
  ['Giá vé 500.000đ.', 'Giá vé năm trăm nghìn đồng.'],
  ['Phí 200.000 VND một hồ sơ.', 'Phí hai trăm nghìn đồng một hồ sơ.'],
  ['Kinh phí 5,3 tỷ đồng.', 'Kinh phí năm phẩy ba tỷ đồng.'],
  ['Diện tích 120 ha.', 'Diện tích một trăm hai mươi héc ta.'],
  ['Tuyến đường dài 50 km.', 'Tuyến đường dài năm mươi ki lô mét.'],
  ['Căn hộ rộng 150 m2.', 'Căn hộ rộng một trăm năm mươi mét vuông.'],
  ['Mỗi hộ nhận 25 kg gạo.', 'Mỗi hộ nhận hai mươi lăm ki lô gam gạo.'],
  ['Giải thưởng 1.000 USD.', 'Giải thưởng một nghìn đô la Mỹ.'],
  ['Xuất khẩu đạt 3,07 tỷ USD.', 'Xuất khẩu đạt ba phẩy không bảy tỷ đô la Mỹ.'],
  ['Dự án vốn 2.000.020 USD.', 'Dự án vốn hai triệu không trăm hai mươi đô la Mỹ.'],
  ['Tăng 30 % so với cùng kỳ.', 'Tăng ba mươi phần trăm so với cùng kỳ.'],
  ['Lương 500 USD/tháng.', 'Lương năm trăm đô la Mỹ mỗi tháng.'],
  ['Mạng 5G phủ sóng 63 tỉnh.', 'Mạng 5G phủ sóng sáu mươi ba tỉnh.'],
  ['Virus cúm A/H5N1.', 'Virus cúm A/H5N1.'],
  ['Nhiệt độ cao nhất 35°C, thấp nhất 24 °C.', 'Nhiệt độ cao nhất ba mươi lăm độ C, thấp nhất hai mươi tư độ C.'],
  ['Góc nghiêng 45°, tức 113°F.', 'Góc nghiêng bốn mươi lăm độ, tức một trăm mười ba độ F.'],
];

/** Language-independent clean-up, applied to Vietnamese here. */
const CLEANUP_CASES: readonly Case[] = [
  ['(Chinhphu.vn) - Chính phủ vừa ban hành Nghị định mới.', 'Chính phủ vừa ban hành Nghị định mới.'],
  ['(Chinhphu.vn) – Sáng 20/6, Thủ tướng chủ trì phiên họp.', 'Sáng ngày hai mươi tháng sáu, Thủ tướng chủ trì phiên họp.'],
  ['(baochinhphu.vn) -Thủ tướng Chính phủ ký Quyết định.', 'Thủ tướng Chính phủ ký Quyết định.'],
  ['(PLO) - Ngày 18/6, Quốc hội biểu quyết thông qua Luật.', 'Ngày mười tám tháng sáu, Quốc hội biểu quyết thông qua Luật.'],
  ['(TTXVN) - Chủ tịch nước tiếp Đại sứ.', 'Chủ tịch nước tiếp Đại sứ.'],
  ['Quyết định có hiệu lực kể từ ngày ký./.', 'Quyết định có hiệu lực kể từ ngày ký.'],
  ['  Cục   Sở hữu trí tuệ \n thông báo  ', 'Cục Sở hữu trí tuệ thông báo'],
  ['Theo báo cáo (2019) - số liệu đã cập nhật.', `Theo báo cáo (${Y2019}) - số liệu đã cập nhật.`],
  ['Hội nghị điển hình tiên tiến cấp cơ sở', 'Hội nghị điển hình tiên tiến cấp cơ sở'],
  [
    'Nhắc lại lời dạy của Chủ tịch Hồ Chí Minh “Thi đua là yêu nước, yêu nước thì phải thi đua, những người thi đua là những người yêu nước nhất", ông Đinh Hữu Phí cũng nhắn gửi tới tất cả các công chức.',
    'Nhắc lại lời dạy của Chủ tịch Hồ Chí Minh “Thi đua là yêu nước, yêu nước thì phải thi đua, những người thi đua là những người yêu nước nhất", ông Đinh Hữu Phí cũng nhắn gửi tới tất cả các công chức.',
  ],
  [
    'Có thể nói, Hội nghị là dấu mốc quan trọng của Cục Sở hữu trí tuệ trong thời gian tới./.',
    'Có thể nói, Hội nghị là dấu mốc quan trọng của Cục Sở hữu trí tuệ trong thời gian tới.',
  ],
  [
    'Nhân dịp này, Lãnh đạo Cục Sở hữu trí tuệ đã trao tặng các danh hiệu thi đua, khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong công tác năm 2019.',
    `Nhân dịp này, Lãnh đạo Cục Sở hữu trí tuệ đã trao tặng các danh hiệu thi đua, khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong công tác năm ${Y2019}.`,
  ],
  [
    'Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, tiến tới Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng, ngày 18 tháng 6 năm 2020, Cục Sở hữu trí tuệ đã long trọng tổ chức Hội nghị điển hình tiên tiến cấp cơ sở.',
    `Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, tiến tới Đại hội Đại biểu toàn quốc lần thứ mười ba của Đảng, ngày mười tám tháng sáu năm ${Y2020}, Cục Sở hữu trí tuệ đã long trọng tổ chức Hội nghị điển hình tiên tiến cấp cơ sở.`,
  ],
  [
    'Cũng tại Hội nghị, ông Đinh Hữu Phí đã phát động phong trào thi đua yêu nước của Cục giai đoạn 2020-2025.',
    `Cũng tại Hội nghị, ông Đinh Hữu Phí đã phát động phong trào thi đua yêu nước của Cục giai đoạn ${Y2020} đến hai nghìn không trăm hai mươi lăm.`,
  ],
];

/** Phone numbers: digit by digit, a pause between the page's groups; what only looks like one is read as before. */
const PHONE_CASES: readonly Case[] = [
  ['Đường dây nóng của Bộ Y tế: 1900 9095.', 'Đường dây nóng của Bộ Y tế: một chín không không, chín không chín năm.'],
  ['Gọi tổng đài 1900.9095 hoặc 1800 599 920.', 'Gọi tổng đài một chín không không, chín không chín năm hoặc một tám không không, năm chín chín, chín hai không.'],
  ['Điện thoại: (024) 3825 0000.', 'Điện thoại: không hai bốn, ba tám hai năm, không không không không.'],
  ['ĐT: 0243.8221.234, fax 024-3822-1234.', 'Điện thoại: không hai bốn ba, tám hai hai một, hai ba bốn, fax không hai bốn, ba tám hai hai, một hai ba bốn.'],
  ['Liên hệ ông Nam, 0912 345 678.', 'Liên hệ ông Nam, không chín một hai, ba bốn năm, sáu bảy tám.'],
  ['Từ nước ngoài gọi +84 24 3825 0000.', 'Từ nước ngoài gọi cộng tám bốn, hai bốn, ba tám hai năm, không không không không.'],
  ['Số (+84) 912 345 678.', 'Số cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám.'],
  ['Giai đoạn 1900-1945 và năm 1900.', 'Giai đoạn một nghìn chín trăm đến một nghìn chín trăm bốn mươi lăm và năm một nghìn chín trăm.'],
  ['Ngày 01.06.2020 có 1.900.000 lượt.', `Ngày một tháng sáu năm ${Y2020} có một triệu chín trăm nghìn lượt.`],
  ['Mã hồ sơ 0123 gồm 01 02 03.', 'Mã hồ sơ không một hai ba gồm một hai ba.'],
];

const VIETNAMESE_CASES: readonly Case[] = [
  ...PHONE_CASES,
  ...NUMBER_CASES,
  ...DATE_CASES,
  ...RANGE_CASES,
  ...ORDINAL_CASES,
  ...ABBREVIATION_CASES,
  ...TIME_AND_UNIT_CASES,
  ...CLEANUP_CASES,
];

describe('readNumberVi', () => {
  it.each(NUMBER_WORDS)('%s -> %s', (digits, words) => {
    expect(readNumberVi(digits)).toBe(words);
  });

  it.each(['', '1.500', '-5', '12a'])('rejects %j', (input) => {
    expect(() => readNumberVi(input)).toThrow(RangeError);
  });
});

describe('normaliseForSpeech: Vietnamese', () => {
  it('has a table of at least 150 cases', () => {
    expect(VIETNAMESE_CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(VIETNAMESE_CASES)('%s', (input, spoken) => {
    expect(normaliseForSpeech(input, 'vi')).toBe(spoken);
  });

  it('accepts regional language tags in any case', () => {
    expect(normaliseForSpeech('Năm 2019.', 'vi-VN')).toBe(`Năm ${Y2019}.`);
    expect(normaliseForSpeech('Năm 2019.', 'VI')).toBe(`Năm ${Y2019}.`);
  });

  it('normalises decomposed (NFD) input to NFC', () => {
    const input = 'Cục Sở hữu trí tuệ tiếp nhận 21 đơn.'.normalize('NFD');
    expect(normaliseForSpeech(input, 'vi')).toBe('Cục Sở hữu trí tuệ tiếp nhận hai mươi mốt đơn.');
  });
});

describe('normaliseForSpeech: out-of-range values are not read as dates or times', () => {
  it.each([
    ['Ngày 32/13/2020', 'tháng'],
    ['Mã 13/31', 'tháng'],
    ['Tỷ lệ 25:70', 'giờ'],
    ['Mã 10:75', 'phút'],
  ])('%s', (input, word) => {
    const spoken = normaliseForSpeech(input, 'vi');
    expect(spoken).not.toContain(word);
    expect(spoken).not.toMatch(/\d/);
  });
});

describe('normaliseForSpeech: nothing to say', () => {
  it.each([
    ['vi', '  . , ! '],
    ['en', '  . , ! '],
    ['vi', './.'],
    ['vi', ''],
    ['vi', '(Chinhphu.vn) - '],
    ['en', ' — … '],
  ])('%s %j -> ""', (lang, input) => {
    expect(normaliseForSpeech(input, lang)).toBe('');
  });
});

describe('normaliseForSpeech: other languages get only the language-independent steps, and English its phone numbers, codes, dates and ranges', () => {
  it.each([
    ['en', '(GOV.UK) - The Prime Minister announced 1,500 new jobs on 19/06/2020./.', 'The Prime Minister announced 1,500 new jobs on 19 June 2020.'],
    ['en', 'Figures rose by 12.5% in 2019.', 'Figures rose by 12.5% in 2019.'],
    ['en', 'Dr. Smith   met\n officials at 11:39.', 'Dr. Smith met officials at 11:39.'],
    ['en-GB', 'TP. HCM and UBND stay as written.', 'TP. HCM and UBND stay as written.'],
    ['fr', 'Le 19/06/2020, le ministre a parlé.', 'Le 19/06/2020, le ministre a parlé.'],
    ['de', '(dpa) – Der Minister sprach 2019.', 'Der Minister sprach 2019.'],
    // English phone numbers, digit by digit; what only looks like one is left as written.
    ['en-US', 'You can report online or call 1-877-382-4357.', 'You can report online or call 1, 8 7 7, 3 8 2, 4 3 5 7.'],
    ['en', 'Call (202) 555-0123 or +1 202.555.0199 today.', 'Call 2 0 2, 5 5 5, 0 1 2 3 or plus 1, 2 0 2, 5 5 5, 0 1 9 9 today.'],
    ['en-GB', 'Ring 020 7946 0000 or +44 300 123 4567.', 'Ring 0 2 0, 7 9 4 6, 0 0 0 0 or plus 4 4, 3 0 0, 1 2 3, 4 5 6 7.'],
    ['en', 'From 2024-2026, 1,500 people; pages 10-12; ref 12-345-6789-0.', 'From 2024 to 2026, 1,500 people; pages 10 to 12; ref 1 2, 3 4 5, 6 7 8 9, 0.'],
    // English dates, month first where the page's English is American or plain "en", unless the values say otherwise.
    ['en', 'File by 10/31/2025 (published 2025-10-01); open 24/7.', 'File by October 31, 2025 (published October 1, 2025); open twenty-four seven.'],
    ['en-GB', 'Apply by 03/04/2025 or 2025-10-31.', 'Apply by 3 April 2025 or 31 October 2025.'],
    ['en', 'Lines are open 9am-5pm, 8:30 – 17:00 at weekends.', 'Lines are open 9am to 5pm, 8:30 to 17 hundred at weekends.'],
    // Money: the currency after the amount, as said ("£1.5m" is not "pound one point five m").
    ['en-GB', 'Funding of £1.5m in 2024/25, £2.3bn later, £500k now; tickets £1, £12.50 or £3.00.', 'Funding of 1.5 million pounds in 2024 to 2025, 2.3 billion pounds later, 500 thousand pounds now; tickets 1 pound, 12 pounds 50 pence or 3 pounds.'],
    ['en-GB', 'Write to No. 10 Downing Street about items Nos. 3 and 4; no. 5 too. No, not now.', 'Write to number 10 Downing Street about items numbers 3 and 4; number 5 too. No, not now.'],
    ['en', 'Open Mon-Fri, 9:00 a.m. to 5:30 p.m.; Sat – Sun 10:00-16:00.', 'Open Monday to Friday, 9 a.m. to 5:30 p.m.; Saturday to Sunday 10 hundred to 16 hundred.'],
    ['en', 'A $1,200 grant, $4.99 each, €20 million and $0.5 billion.', 'A 1,200 dollars grant, 4 dollars 99 cents each, 20 million euros and 0.5 billion dollars.'],
    ['en', 'In 2024-25 and 1999-00, allow 5–10 days; the score was 3-2; SSN 123-45-6789; Form W-2; COVID-19.', 'In 2024 to 2025 and 1999 to 2000, allow 5 to 10 days; the score was 3-2; SSN 1 2 3, 4 5, 6 7 8 9; Form W-2; COVID-19.'],
    ['fr', 'Appelez le 01 23 45 67 89.', 'Appelez le 01 23 45 67 89.'],
  ])('%s: %s', (lang, input, spoken) => {
    expect(normaliseForSpeech(input, lang)).toBe(spoken);
  });

  it('normalises NFD to NFC for every language', () => {
    const input = 'Café crème'.normalize('NFD');
    expect(normaliseForSpeech(input, 'fr')).toBe('Café crème'.normalize('NFC'));
  });
});

describe('normaliseForSpeech: speed', () => {
  it('normalises a long paragraph quickly (linear time)', () => {
    const paragraph = VIETNAMESE_CASES.map(([input]) => input).join(' ');
    const long = paragraph.repeat(10);
    const started = performance.now();
    const spoken = normaliseForSpeech(long, 'vi');
    expect(spoken.length).toBeGreaterThan(long.length);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
