import { describe, it, expect } from 'vitest';
import { splitSentences, type Sentence } from '../../features/read-aloud/segment';

/** Large enough that the table below tests splitting only, not chunking. */
const NO_CHUNKING = 10_000;

type Case = readonly [input: string, expected: readonly string[]];

/** Paragraphs of the Vietnam IP Office article in /work/shared/seeds/000_ac325f9820ae4275.txt. */
const SEED_CASES: readonly Case[] = [
  [
    'Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, tiến tới Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng, ngày 18 tháng 6 năm 2020, Cục Sở hữu trí tuệ đã long trọng tổ chức Hội nghị điển hình tiên tiến cấp cơ sở. Đây là một sự kiện quan trọng, khẳng định sự phát triển của phong trào thi đua yêu nước và công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ trong thời gian vừa qua.',
    [
      'Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp, tiến tới Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng, ngày 18 tháng 6 năm 2020, Cục Sở hữu trí tuệ đã long trọng tổ chức Hội nghị điển hình tiên tiến cấp cơ sở.',
      'Đây là một sự kiện quan trọng, khẳng định sự phát triển của phong trào thi đua yêu nước và công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ trong thời gian vừa qua.',
    ],
  ],
  [
    'Tham dự Hội nghị có đại diện Lãnh đạo Vụ Thi đua - Khen thưởng, Bộ Khoa học và Công nghệ, Đảng ủy và Lãnh đạo Cục Sở hữu trí tuệ, Lãnh đạo các đơn vị trực thuộc Cục, các tập thể và cá nhân đã đạt được các thành tích cao trong phong trào thi đua các năm 2017-2019, các tập thể và cá nhân điển hình tiên tiến trong thời gian vừa qua.',
    [
      'Tham dự Hội nghị có đại diện Lãnh đạo Vụ Thi đua - Khen thưởng, Bộ Khoa học và Công nghệ, Đảng ủy và Lãnh đạo Cục Sở hữu trí tuệ, Lãnh đạo các đơn vị trực thuộc Cục, các tập thể và cá nhân đã đạt được các thành tích cao trong phong trào thi đua các năm 2017-2019, các tập thể và cá nhân điển hình tiên tiến trong thời gian vừa qua.',
    ],
  ],
  [
    'Hội nghị nhằm tổng kết công tác thi đua khen thưởng và phong trào thi đua của Cục Sở hữu trí tuệ trong 5 năm qua, đánh giá những kết quả đã đạt được; nhận diện những hạn chế, tồn tại; đề ra phương hướng, mục tiêu, nhiệm vụ, giải pháp của công tác thi đua, khen thưởng và phong trào thi đua trong thời gian tới. ',
    [
      'Hội nghị nhằm tổng kết công tác thi đua khen thưởng và phong trào thi đua của Cục Sở hữu trí tuệ trong 5 năm qua, đánh giá những kết quả đã đạt được; nhận diện những hạn chế, tồn tại; đề ra phương hướng, mục tiêu, nhiệm vụ, giải pháp của công tác thi đua, khen thưởng và phong trào thi đua trong thời gian tới.',
    ],
  ],
  [
    'Hội nghị cũng là dịp để tôn vinh, biểu dương những tập thể, cá nhân điển hình tiên tiến, xuất sắc trong phong trào thi đua được lựa chọn từ các đơn vị thuộc Cục, biểu dương những cách làm hay, hiệu quả để áp dụng rộng rãi, lan tỏa tinh thần đổi mới sáng tạo, tiếp tục thúc đẩy phong trào thi đua của Cục ngày càng phát triển cả về chiều rộng và chiều sâu.',
    [
      'Hội nghị cũng là dịp để tôn vinh, biểu dương những tập thể, cá nhân điển hình tiên tiến, xuất sắc trong phong trào thi đua được lựa chọn từ các đơn vị thuộc Cục, biểu dương những cách làm hay, hiệu quả để áp dụng rộng rãi, lan tỏa tinh thần đổi mới sáng tạo, tiếp tục thúc đẩy phong trào thi đua của Cục ngày càng phát triển cả về chiều rộng và chiều sâu.',
    ],
  ],
  [
    'Phát biểu khai mạc Hội nghị, ông Đinh Hữu Phí - Bí thư Đảng ủy, Cục trưởng Cục Sở hữu trí tuệ, Chủ tịch Hội đồng Thi đua - Khen thưởng Cục đã nhấn mạnh tầm quan trọng của công tác thi đua - khen thưởng. Nhắc lại lời dạy của Chủ tịch Hồ Chí Minh “Thi đua là yêu nước, yêu nước thì phải thi đua, những người thi đua là những người yêu nước nhất", ông Đinh Hữu Phí cũng nhắn gửi tới tất cả các công chức, viên chức và người lao động thuộc Cục cần không ngừng tìm tòi, thi đua đổi mới, sáng tạo trong công tác chuyên môn, góp phần quan trọng vào việc hoàn thành tốt các nhiệm vụ chính trị của Cục Sở hữu trí tuệ.',
    [
      'Phát biểu khai mạc Hội nghị, ông Đinh Hữu Phí - Bí thư Đảng ủy, Cục trưởng Cục Sở hữu trí tuệ, Chủ tịch Hội đồng Thi đua - Khen thưởng Cục đã nhấn mạnh tầm quan trọng của công tác thi đua - khen thưởng.',
      'Nhắc lại lời dạy của Chủ tịch Hồ Chí Minh “Thi đua là yêu nước, yêu nước thì phải thi đua, những người thi đua là những người yêu nước nhất", ông Đinh Hữu Phí cũng nhắn gửi tới tất cả các công chức, viên chức và người lao động thuộc Cục cần không ngừng tìm tòi, thi đua đổi mới, sáng tạo trong công tác chuyên môn, góp phần quan trọng vào việc hoàn thành tốt các nhiệm vụ chính trị của Cục Sở hữu trí tuệ.',
    ],
  ],
  [
    'Ông Đinh Hữu Phí - Bí thư Đảng ủy, Cục trưởng Cục Sở hữu trí tuệ, Chủ tịch Hội đồng Thi đua - Khen thưởng Cục phát biểu khai mạc Hội nghị',
    [
      'Ông Đinh Hữu Phí - Bí thư Đảng ủy, Cục trưởng Cục Sở hữu trí tuệ, Chủ tịch Hội đồng Thi đua - Khen thưởng Cục phát biểu khai mạc Hội nghị',
    ],
  ],
  [
    'Hội nghị cũng đã nghe Báo cáo tổng kết công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ giai đoạn 2015-2019 và phương hướng, nhiệm vụ giai đoạn 2020-2025 do ông Phan Ngân Sơn - Phó Cục trưởng trình bày. ',
    [
      'Hội nghị cũng đã nghe Báo cáo tổng kết công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ giai đoạn 2015-2019 và phương hướng, nhiệm vụ giai đoạn 2020-2025 do ông Phan Ngân Sơn - Phó Cục trưởng trình bày.',
    ],
  ],
  [
    'Giai đoạn 2015-2019, Cục Sở hữu trí tuệ đã triển khai thực hiện nghiêm túc chủ trương của Đảng và Nhà nước về thi đua, khen thưởng. Trong 5 năm qua, phong trào thi đua và công tác khen thưởng của Cục đã có nhiều chuyển biến tích cực. Cục đã chủ động đổi mới công tác thi đua, khen thưởng, tạo ra nhiều phong trào thi đua với các hình thức đa dạng, phù hợp với thực tiễn của đơn vị. ',
    [
      'Giai đoạn 2015-2019, Cục Sở hữu trí tuệ đã triển khai thực hiện nghiêm túc chủ trương của Đảng và Nhà nước về thi đua, khen thưởng.',
      'Trong 5 năm qua, phong trào thi đua và công tác khen thưởng của Cục đã có nhiều chuyển biến tích cực.',
      'Cục đã chủ động đổi mới công tác thi đua, khen thưởng, tạo ra nhiều phong trào thi đua với các hình thức đa dạng, phù hợp với thực tiễn của đơn vị.',
    ],
  ],
  [
    'Nhiều phong trào thi đua có sức lan tỏa rộng rãi, nhận được sự hưởng ứng của toàn thể công chức, viên chức và người lao động của Cục. Nhờ đó, đã tạo nên sức mạnh tổng hợp, đoàn kết vượt qua mọi khó khăn, góp phần vào những thành tích đáng tự hào của tập thể Cục Sở hữu trí tuệ. Cục ngày càng khẳng định vai trò quan trọng trong công tác quản lý nhà nước về sở hữu trí tuệ, tăng cường mở rộng quan hệ quốc tế về sở hữu trí tuệ nhằm nâng cao vị thế của Việt Nam trên các diễn đàn của khu vực và thế giới. Công tác xác lập quyền sở hữu công nghiệp không ngừng được cải tiến, góp phần thúc đẩy các hoạt động đổi mới sáng tạo, sự phát triển của ngành khoa học công nghệ và nền kinh tế của đất nước.',
    [
      'Nhiều phong trào thi đua có sức lan tỏa rộng rãi, nhận được sự hưởng ứng của toàn thể công chức, viên chức và người lao động của Cục.',
      'Nhờ đó, đã tạo nên sức mạnh tổng hợp, đoàn kết vượt qua mọi khó khăn, góp phần vào những thành tích đáng tự hào của tập thể Cục Sở hữu trí tuệ.',
      'Cục ngày càng khẳng định vai trò quan trọng trong công tác quản lý nhà nước về sở hữu trí tuệ, tăng cường mở rộng quan hệ quốc tế về sở hữu trí tuệ nhằm nâng cao vị thế của Việt Nam trên các diễn đàn của khu vực và thế giới.',
      'Công tác xác lập quyền sở hữu công nghiệp không ngừng được cải tiến, góp phần thúc đẩy các hoạt động đổi mới sáng tạo, sự phát triển của ngành khoa học công nghệ và nền kinh tế của đất nước.',
    ],
  ],
  [
    'Những kết quả đó có sự đóng góp tích cực của công tác thi đua, khen thưởng nói chung và đặc biệt là phong trào thi đua yêu nước.',
    ['Những kết quả đó có sự đóng góp tích cực của công tác thi đua, khen thưởng nói chung và đặc biệt là phong trào thi đua yêu nước.'],
  ],
  [
    'Bên cạnh những thành tích đạt được, công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ cũng còn một số tồn tại, hạn chế nhất định. Trên cơ sở phân tích một cách khách quan những điểm mạnh và những điểm còn hạn chế của công tác thi đua, khen thưởng trong thời gian qua, Cục Sở hữu trí tuệ đã đề ra phương hướng, nhiệm vụ rõ ràng đối với công tác này trong thời gian tới.',
    [
      'Bên cạnh những thành tích đạt được, công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ cũng còn một số tồn tại, hạn chế nhất định.',
      'Trên cơ sở phân tích một cách khách quan những điểm mạnh và những điểm còn hạn chế của công tác thi đua, khen thưởng trong thời gian qua, Cục Sở hữu trí tuệ đã đề ra phương hướng, nhiệm vụ rõ ràng đối với công tác này trong thời gian tới.',
    ],
  ],
  [
    'Ông Phan Ngân Sơn - Phó Cục trưởng Cục Sở hữu trí tuệ trình bày Báo cáo tại Hội nghị',
    ['Ông Phan Ngân Sơn - Phó Cục trưởng Cục Sở hữu trí tuệ trình bày Báo cáo tại Hội nghị'],
  ],
  [
    'Thông qua tham luận của các tập thể và cá nhân điển hình tiên tiến trình bày tại Hội nghị, những tấm gương đổi mới sáng tạo, những cách làm hay, giải pháp tốt đã được truyền đạt và lan tỏa, tạo cảm hứng đổi mới sáng tạo trong toàn thể công chức, viên chức và người lao động thuộc Cục.',
    [
      'Thông qua tham luận của các tập thể và cá nhân điển hình tiên tiến trình bày tại Hội nghị, những tấm gương đổi mới sáng tạo, những cách làm hay, giải pháp tốt đã được truyền đạt và lan tỏa, tạo cảm hứng đổi mới sáng tạo trong toàn thể công chức, viên chức và người lao động thuộc Cục.',
    ],
  ],
  [
    'Ông Nguyễn Việt Hà, đại diện phòng Pháp chế và Chính sách trình bày tham luận tại Hội nghị',
    ['Ông Nguyễn Việt Hà, đại diện phòng Pháp chế và Chính sách trình bày tham luận tại Hội nghị'],
  ],
  [
    'Ông Nguyễn Quang Hưng, Phó Giám đốc Trung tâm Công nghệ thông tin trình bày tham luận tại Hội nghị',
    ['Ông Nguyễn Quang Hưng, Phó Giám đốc Trung tâm Công nghệ thông tin trình bày tham luận tại Hội nghị'],
  ],
  [
    'Nhân dịp này, Lãnh đạo Cục Sở hữu trí tuệ đã trao tặng các danh hiệu thi đua, khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong công tác năm 2019.',
    [
      'Nhân dịp này, Lãnh đạo Cục Sở hữu trí tuệ đã trao tặng các danh hiệu thi đua, khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong công tác năm 2019.',
    ],
  ],
  [
    'Phát biểu tại Hội nghị, bà Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng đã đánh giá cao những thành tích của Cục trong thời gian vừa qua, đặc biệt là công tác thi đua, khen thưởng; đồng thời cũng bày tỏ hi vọng Cục Sở hữu trí tuệ sẽ tiếp tục phấn đấu, không ngừng đổi mới công tác thi đua, khen thưởng để đạt được những thành tích cao hơn nữa trong thời gian tới.',
    [
      'Phát biểu tại Hội nghị, bà Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng đã đánh giá cao những thành tích của Cục trong thời gian vừa qua, đặc biệt là công tác thi đua, khen thưởng; đồng thời cũng bày tỏ hi vọng Cục Sở hữu trí tuệ sẽ tiếp tục phấn đấu, không ngừng đổi mới công tác thi đua, khen thưởng để đạt được những thành tích cao hơn nữa trong thời gian tới.',
    ],
  ],
  [
    ' Bà Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng phát biểu tại Hội nghị',
    ['Bà Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng phát biểu tại Hội nghị'],
  ],
  [
    'Cũng tại Hội nghị, ông Đinh Hữu Phí đã thay mặt Đảng ủy và Lãnh đạo Cục Sở hữu trí tuệ phát động phong trào thi đua yêu nước của Cục giai đoạn 2020-2025 với chủ đề “Đổi mới, sáng tạo, nâng cao hiệu quả hoạt động sở hữu công nghiệp”.',
    [
      'Cũng tại Hội nghị, ông Đinh Hữu Phí đã thay mặt Đảng ủy và Lãnh đạo Cục Sở hữu trí tuệ phát động phong trào thi đua yêu nước của Cục giai đoạn 2020-2025 với chủ đề “Đổi mới, sáng tạo, nâng cao hiệu quả hoạt động sở hữu công nghiệp”.',
    ],
  ],
  [' Toàn cảnh Hội nghị Điển hình tiên tiến của Cục Sở hữu trí tuệ', ['Toàn cảnh Hội nghị Điển hình tiên tiến của Cục Sở hữu trí tuệ']],
  [
    'Có thể nói, Hội nghị điển hình tiên tiến được tổ chức tại Cục Sở hữu trí tuệ lần này là dấu mốc quan trọng, khẳng định bước phát triển mới của phong trào thi đua yêu nước và công tác khen thưởng của Cục. Thông qua Hội nghị, toàn thể công chức, viên chức và người lao động của Cục được lan toả tinh thần khát khao đổi mới, không ngừng sáng tạo để đóng góp vào sự nghiệp phát triển chung của Cục Sở hữu trí tuệ trong thời gian tới./.',
    [
      'Có thể nói, Hội nghị điển hình tiên tiến được tổ chức tại Cục Sở hữu trí tuệ lần này là dấu mốc quan trọng, khẳng định bước phát triển mới của phong trào thi đua yêu nước và công tác khen thưởng của Cục.',
      'Thông qua Hội nghị, toàn thể công chức, viên chức và người lao động của Cục được lan toả tinh thần khát khao đổi mới, không ngừng sáng tạo để đóng góp vào sự nghiệp phát triển chung của Cục Sở hữu trí tuệ trong thời gian tới./.',
    ],
  ],
  ['Th 6, 19/06/2020 | 11:39 SA', ['Th 6, 19/06/2020 | 11:39 SA']],
  ['Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở', ['Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở']],
  ['Phòng Tổ chức cán bộ', ['Phòng Tổ chức cán bộ']],
  [
    'Những kết quả đó có sự đóng góp tích cực của công tác thi đua, khen thưởng nói chung và đặc biệt là phong trào thi đua yêu nước.\n\nBên cạnh những thành tích đạt được, công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ cũng còn một số tồn tại, hạn chế nhất định.',
    [
      'Những kết quả đó có sự đóng góp tích cực của công tác thi đua, khen thưởng nói chung và đặc biệt là phong trào thi đua yêu nước.',
      'Bên cạnh những thành tích đạt được, công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ cũng còn một số tồn tại, hạn chế nhất định.',
    ],
  ],
  ['\u00a0', []],
];

/** Titles, abbreviations and initials that must not end a sentence. */
const ABBREVIATION_CASES: readonly Case[] = [
  [
    'PGS.TS. Nguyễn Văn An, Viện trưởng Viện Khoa học sở hữu trí tuệ, chủ trì hội thảo. Hội thảo có sự tham gia của hơn 100 đại biểu.',
    ['PGS.TS. Nguyễn Văn An, Viện trưởng Viện Khoa học sở hữu trí tuệ, chủ trì hội thảo.', 'Hội thảo có sự tham gia của hơn 100 đại biểu.'],
  ],
  [
    'Tham dự có TS. Trần Văn Bình, Phó Vụ trưởng Vụ Pháp chế. Ông đánh giá cao kết quả đạt được.',
    ['Tham dự có TS. Trần Văn Bình, Phó Vụ trưởng Vụ Pháp chế.', 'Ông đánh giá cao kết quả đạt được.'],
  ],
  [
    'Báo cáo do ThS. Lê Thị Hoa trình bày. Các đại biểu đã thảo luận sôi nổi.',
    ['Báo cáo do ThS. Lê Thị Hoa trình bày.', 'Các đại biểu đã thảo luận sôi nổi.'],
  ],
  [
    'GS. Nguyễn Minh Thuyết nhấn mạnh vai trò của giáo dục. Theo ông, cần đổi mới mạnh mẽ.',
    ['GS. Nguyễn Minh Thuyết nhấn mạnh vai trò của giáo dục.', 'Theo ông, cần đổi mới mạnh mẽ.'],
  ],
  [
    'Chủ trì buổi làm việc có PGS. Phạm Hồng Chương, Giám đốc Đại học Kinh tế Quốc dân.',
    ['Chủ trì buổi làm việc có PGS. Phạm Hồng Chương, Giám đốc Đại học Kinh tế Quốc dân.'],
  ],
  [
    'BS. Nguyễn Trọng Khoa, Phó Cục trưởng Cục Quản lý Khám, chữa bệnh cho biết, bệnh viện đã sẵn sàng. Các ca bệnh đều ổn định.',
    ['BS. Nguyễn Trọng Khoa, Phó Cục trưởng Cục Quản lý Khám, chữa bệnh cho biết, bệnh viện đã sẵn sàng.', 'Các ca bệnh đều ổn định.'],
  ],
  [
    'KS. Đỗ Văn Hùng đã có sáng kiến cải tiến quy trình thẩm định. Sáng kiến giúp tiết kiệm 20% thời gian xử lý.',
    ['KS. Đỗ Văn Hùng đã có sáng kiến cải tiến quy trình thẩm định.', 'Sáng kiến giúp tiết kiệm 20% thời gian xử lý.'],
  ],
  [
    'Đồng chí CN. Hoàng Văn Nam được bổ nhiệm làm Trưởng phòng Hành chính.',
    ['Đồng chí CN. Hoàng Văn Nam được bổ nhiệm làm Trưởng phòng Hành chính.'],
  ],
  [
    'Hội nghị được tổ chức tại TP. Hồ Chí Minh. Đây là lần đầu tiên hội nghị được tổ chức tại phía Nam.',
    ['Hội nghị được tổ chức tại TP. Hồ Chí Minh.', 'Đây là lần đầu tiên hội nghị được tổ chức tại phía Nam.'],
  ],
  [
    'Sở Khoa học và Công nghệ Tp. Hà Nội đã ban hành kế hoạch. Kế hoạch có hiệu lực từ ngày ký.',
    ['Sở Khoa học và Công nghệ Tp. Hà Nội đã ban hành kế hoạch.', 'Kế hoạch có hiệu lực từ ngày ký.'],
  ],
  [
    'Trụ sở đặt tại số 386 Nguyễn Trãi, Q. Thanh Xuân, TP. Hà Nội. Điện thoại liên hệ: 024 3858 3069.',
    ['Trụ sở đặt tại số 386 Nguyễn Trãi, Q. Thanh Xuân, TP. Hà Nội.', 'Điện thoại liên hệ: 024 3858 3069.'],
  ],
  [
    'Văn phòng đại diện tại số 17 Hoàng Diệu, P. 12, Q. 4, TP. HCM. Văn phòng làm việc từ thứ Hai đến thứ Sáu.',
    ['Văn phòng đại diện tại số 17 Hoàng Diệu, P. 12, Q. 4, TP. HCM.', 'Văn phòng làm việc từ thứ Hai đến thứ Sáu.'],
  ],
  ['Ông Nguyễn Văn A. Cục trưởng Cục Sở hữu trí tuệ đã ký quyết định.', ['Ông Nguyễn Văn A. Cục trưởng Cục Sở hữu trí tuệ đã ký quyết định.']],
  ['Theo bà Trần Thị B. Phó Giám đốc Sở, tiến độ đang được đẩy nhanh.', ['Theo bà Trần Thị B. Phó Giám đốc Sở, tiến độ đang được đẩy nhanh.']],
  [
    'Th.S. Nguyễn Thu Trang, chuyên viên Phòng Pháp chế, trình bày tham luận. Tham luận được đánh giá cao.',
    ['Th.S. Nguyễn Thu Trang, chuyên viên Phòng Pháp chế, trình bày tham luận.', 'Tham luận được đánh giá cao.'],
  ],
  [
    'Các thiết bị như máy tính, máy in, máy quét v.v. đã được trang bị đầy đủ. Cán bộ được tập huấn sử dụng.',
    ['Các thiết bị như máy tính, máy in, máy quét v.v. đã được trang bị đầy đủ.', 'Cán bộ được tập huấn sử dụng.'],
  ],
  [
    'Các lĩnh vực ưu tiên gồm công nghệ thông tin, công nghệ sinh học, vật liệu mới v.v. Các nhiệm vụ này được giao cho các viện nghiên cứu.',
    ['Các lĩnh vực ưu tiên gồm công nghệ thông tin, công nghệ sinh học, vật liệu mới v.v. Các nhiệm vụ này được giao cho các viện nghiên cứu.'],
  ],
  [
    'Đ/c Nguyễn Văn Thắng, Bí thư Tỉnh ủy phát biểu chỉ đạo. Đ/c đề nghị các cấp ủy quán triệt nghị quyết.',
    ['Đ/c Nguyễn Văn Thắng, Bí thư Tỉnh ủy phát biểu chỉ đạo.', 'Đ/c đề nghị các cấp ủy quán triệt nghị quyết.'],
  ],
  ['Ban Chấp hành T.Ư. Đảng đã ban hành Nghị quyết số 52-NQ/TW.', ['Ban Chấp hành T.Ư. Đảng đã ban hành Nghị quyết số 52-NQ/TW.']],
  ['Hội nghị do TT. Nguyễn Văn Tuấn chủ trì.', ['Hội nghị do TT. Nguyễn Văn Tuấn chủ trì.']],
  [
    'PGS.TS. Nguyễn Văn A., Viện trưởng Viện Chiến lược và Chính sách khoa học và công nghệ, trình bày báo cáo đề dẫn. Báo cáo nêu rõ ba nhóm giải pháp.',
    [
      'PGS.TS. Nguyễn Văn A., Viện trưởng Viện Chiến lược và Chính sách khoa học và công nghệ, trình bày báo cáo đề dẫn.',
      'Báo cáo nêu rõ ba nhóm giải pháp.',
    ],
  ],
  [
    'GS.TS. Trần Hồng Thái, Viện trưởng Viện Khí tượng Thủy văn và Biến đổi khí hậu, cho biết mùa mưa năm nay đến sớm.',
    ['GS.TS. Trần Hồng Thái, Viện trưởng Viện Khí tượng Thủy văn và Biến đổi khí hậu, cho biết mùa mưa năm nay đến sớm.'],
  ],
  [
    'TS.BS. Lương Ngọc Khuê trao đổi với phóng viên. Ông cho biết ngành y tế đã chuẩn bị kỹ lưỡng.',
    ['TS.BS. Lương Ngọc Khuê trao đổi với phóng viên.', 'Ông cho biết ngành y tế đã chuẩn bị kỹ lưỡng.'],
  ],
  [
    'ThS. BS. Nguyễn Thị Lan phụ trách chương trình. Chương trình kéo dài 3 tháng.',
    ['ThS. BS. Nguyễn Thị Lan phụ trách chương trình.', 'Chương trình kéo dài 3 tháng.'],
  ],
  [
    'Ông Ngô Văn B. và bà Trần Thị C. cùng nhận Bằng khen của Bộ trưởng. Hai cá nhân có thành tích xuất sắc trong năm 2019.',
    ['Ông Ngô Văn B. và bà Trần Thị C. cùng nhận Bằng khen của Bộ trưởng.', 'Hai cá nhân có thành tích xuất sắc trong năm 2019.'],
  ],
  [
    'Giải thưởng được trao cho nhóm tác giả do TS. Vũ Thị C. làm chủ nhiệm. Đề tài đã được ứng dụng rộng rãi.',
    ['Giải thưởng được trao cho nhóm tác giả do TS. Vũ Thị C. làm chủ nhiệm.', 'Đề tài đã được ứng dụng rộng rãi.'],
  ],
  [
    'Sở Tư pháp Tp. HCM đã tiếp nhận hơn 20.000 hồ sơ lý lịch tư pháp. Phần lớn hồ sơ được nộp trực tuyến.',
    ['Sở Tư pháp Tp. HCM đã tiếp nhận hơn 20.000 hồ sơ lý lịch tư pháp.', 'Phần lớn hồ sơ được nộp trực tuyến.'],
  ],
  [
    'Năm nay, Cục tiếp nhận 9.860 đơn sáng chế. Mr. John Smith, Giám đốc WIPO khu vực, đánh giá cao kết quả này.',
    ['Năm nay, Cục tiếp nhận 9.860 đơn sáng chế.', 'Mr. John Smith, Giám đốc WIPO khu vực, đánh giá cao kết quả này.'],
  ],
  [
    'Đoàn công tác của WIPO do Dr. Francis Gurry dẫn đầu đã làm việc với Cục. Hai bên thống nhất kế hoạch hợp tác.',
    ['Đoàn công tác của WIPO do Dr. Francis Gurry dẫn đầu đã làm việc với Cục.', 'Hai bên thống nhất kế hoạch hợp tác.'],
  ],
  [
    'HĐND TP. Đà Nẵng khóa IX đã khai mạc kỳ họp thứ 15. Kỳ họp diễn ra trong 3 ngày.',
    ['HĐND TP. Đà Nẵng khóa IX đã khai mạc kỳ họp thứ 15.', 'Kỳ họp diễn ra trong 3 ngày.'],
  ],
  [
    'Ông A. Cục trưởng và bà B. Phó Cục trưởng cùng dự. Buổi lễ diễn ra trang trọng.',
    ['Ông A. Cục trưởng và bà B. Phó Cục trưởng cùng dự.', 'Buổi lễ diễn ra trang trọng.'],
  ],
  [
    'Nhiệt độ cao nhất phổ biến 35-37 độ C. Có nơi trên 38 độ C.',
    ['Nhiệt độ cao nhất phổ biến 35-37 độ C.', 'Có nơi trên 38 độ C.'],
  ],
  [
    'Học sinh đạt giải nhất được xếp loại A. Các em sẽ được tuyển thẳng vào đại học.',
    ['Học sinh đạt giải nhất được xếp loại A.', 'Các em sẽ được tuyển thẳng vào đại học.'],
  ],
  [
    'Hồ sơ thuộc nhóm B. Thời hạn xử lý là 30 ngày.',
    ['Hồ sơ thuộc nhóm B.', 'Thời hạn xử lý là 30 ngày.'],
  ],
];

/** Numbers, dates, times, URLs and e-mail addresses. */
const NUMBER_CASES: readonly Case[] = [
  [
    'Năm 2019, Cục đã tiếp nhận 1.500.000 hồ sơ. Số lượng đơn tăng 12,5% so với năm trước.',
    ['Năm 2019, Cục đã tiếp nhận 1.500.000 hồ sơ.', 'Số lượng đơn tăng 12,5% so với năm trước.'],
  ],
  [
    'Tổng kinh phí thực hiện là 5,3 tỷ đồng. Nguồn kinh phí từ ngân sách nhà nước.',
    ['Tổng kinh phí thực hiện là 5,3 tỷ đồng.', 'Nguồn kinh phí từ ngân sách nhà nước.'],
  ],
  [
    'Ngày 19/06/2020, Bộ Khoa học và Công nghệ tổ chức họp báo. Thứ trưởng Phạm Công Tạc chủ trì.',
    ['Ngày 19/06/2020, Bộ Khoa học và Công nghệ tổ chức họp báo.', 'Thứ trưởng Phạm Công Tạc chủ trì.'],
  ],
  ['Hội nghị diễn ra ngày 18/6. Đây là hoạt động thường niên.', ['Hội nghị diễn ra ngày 18/6.', 'Đây là hoạt động thường niên.']],
  [
    'Chi tiết xem tại noip.gov.vn hoặc liên hệ Phòng Thông tin. Đường dây nóng hoạt động 24/7.',
    ['Chi tiết xem tại noip.gov.vn hoặc liên hệ Phòng Thông tin.', 'Đường dây nóng hoạt động 24/7.'],
  ],
  [
    'Thông tin chi tiết được đăng tải tại https://www.most.gov.vn/vn/Pages/Trangchu.aspx và trên Cổng thông tin điện tử Chính phủ.',
    ['Thông tin chi tiết được đăng tải tại https://www.most.gov.vn/vn/Pages/Trangchu.aspx và trên Cổng thông tin điện tử Chính phủ.'],
  ],
  [
    'Doanh nghiệp có thể nộp đơn trực tuyến tại địa chỉ dvctt.noip.gov.vn. Hệ thống hoạt động 24 giờ mỗi ngày.',
    ['Doanh nghiệp có thể nộp đơn trực tuyến tại địa chỉ dvctt.noip.gov.vn.', 'Hệ thống hoạt động 24 giờ mỗi ngày.'],
  ],
  [
    'Tổng số đơn đăng ký nhãn hiệu đạt 1.234.567 đơn. Trong đó, đơn của người nộp đơn trong nước chiếm 75,4%.',
    ['Tổng số đơn đăng ký nhãn hiệu đạt 1.234.567 đơn.', 'Trong đó, đơn của người nộp đơn trong nước chiếm 75,4%.'],
  ],
  [
    'GDP quý II/2020 tăng 0,36% so với cùng kỳ. Đây là mức tăng thấp nhất trong giai đoạn 2011-2020.',
    ['GDP quý II/2020 tăng 0,36% so với cùng kỳ.', 'Đây là mức tăng thấp nhất trong giai đoạn 2011-2020.'],
  ],
  [
    'Dự án có tổng vốn đầu tư 2.000.020 USD. Dự án dự kiến hoàn thành trong năm 2021.',
    ['Dự án có tổng vốn đầu tư 2.000.020 USD.', 'Dự án dự kiến hoàn thành trong năm 2021.'],
  ],
  [
    'Theo Nghị định số 15/2020/NĐ-CP, mức phạt tối đa là 100.000.000 đồng. Nghị định có hiệu lực từ ngày 15/4/2020.',
    ['Theo Nghị định số 15/2020/NĐ-CP, mức phạt tối đa là 100.000.000 đồng.', 'Nghị định có hiệu lực từ ngày 15/4/2020.'],
  ],
  [
    'Năm 2020 là năm cuối thực hiện Kế hoạch 5 năm 2016-2020. 2021 là năm đầu tiên thực hiện Nghị quyết Đại hội XIII.',
    ['Năm 2020 là năm cuối thực hiện Kế hoạch 5 năm 2016-2020.', '2021 là năm đầu tiên thực hiện Nghị quyết Đại hội XIII.'],
  ],
  [
    'Tỷ lệ giải ngân đạt 97,5%. Con số này cao hơn 3,2 điểm phần trăm so với năm 2019.',
    ['Tỷ lệ giải ngân đạt 97,5%.', 'Con số này cao hơn 3,2 điểm phần trăm so với năm 2019.'],
  ],
  [
    'Lúc 11:39 sáng nay, hệ thống đã được khôi phục. Người dân có thể tra cứu bình thường.',
    ['Lúc 11:39 sáng nay, hệ thống đã được khôi phục.', 'Người dân có thể tra cứu bình thường.'],
  ],
  ['Cuộc họp bắt đầu lúc 8h30. Các đại biểu đến đầy đủ.', ['Cuộc họp bắt đầu lúc 8h30.', 'Các đại biểu đến đầy đủ.']],
  [
    'Văn bản gửi đến địa chỉ thư điện tử vanthu@ipvietnam.gov.vn. Mọi thắc mắc xin liên hệ số điện thoại 024.3858.3069.',
    ['Văn bản gửi đến địa chỉ thư điện tử vanthu@ipvietnam.gov.vn.', 'Mọi thắc mắc xin liên hệ số điện thoại 024.3858.3069.'],
  ],
  [
    'Năm 2019, số đơn sáng chế đạt 7.520 đơn, tăng 10,3%. Năm 2020, con số này dự kiến đạt 8.000 đơn.',
    ['Năm 2019, số đơn sáng chế đạt 7.520 đơn, tăng 10,3%.', 'Năm 2020, con số này dự kiến đạt 8.000 đơn.'],
  ],
  [
    'Chương trình được phê duyệt tại Quyết định số 1062/QĐ-TTg ngày 14/6/2016 của Thủ tướng Chính phủ.',
    ['Chương trình được phê duyệt tại Quyết định số 1062/QĐ-TTg ngày 14/6/2016 của Thủ tướng Chính phủ.'],
  ],
  [
    'Mức lương cơ sở tăng từ 1,49 triệu đồng lên 1,6 triệu đồng/tháng. Quy định áp dụng từ ngày 01/7/2020.',
    ['Mức lương cơ sở tăng từ 1,49 triệu đồng lên 1,6 triệu đồng/tháng.', 'Quy định áp dụng từ ngày 01/7/2020.'],
  ],
  [
    'Dịch bệnh khiến tăng trưởng giảm xuống còn 2,91%. Tuy nhiên, Việt Nam vẫn thuộc nhóm tăng trưởng cao nhất thế giới.',
    ['Dịch bệnh khiến tăng trưởng giảm xuống còn 2,91%.', 'Tuy nhiên, Việt Nam vẫn thuộc nhóm tăng trưởng cao nhất thế giới.'],
  ],
  ['Ngày 1.7.2020, Luật sửa đổi chính thức có hiệu lực.', ['Ngày 1.7.2020, Luật sửa đổi chính thức có hiệu lực.']],
  [
    'Kế hoạch triển khai trong 2 giai đoạn: 2021-2025 và 2026-2030. Mỗi giai đoạn có mục tiêu cụ thể.',
    ['Kế hoạch triển khai trong 2 giai đoạn: 2021-2025 và 2026-2030.', 'Mỗi giai đoạn có mục tiêu cụ thể.'],
  ],
  [
    'Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP. Đến năm 2030, tỷ lệ này đạt 30%.',
    ['Mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP.', 'Đến năm 2030, tỷ lệ này đạt 30%.'],
  ],
  [
    'Cục đã cấp 3.058 bằng độc quyền sáng chế. 1.025 bằng trong số đó thuộc về chủ sở hữu trong nước.',
    ['Cục đã cấp 3.058 bằng độc quyền sáng chế.', '1.025 bằng trong số đó thuộc về chủ sở hữu trong nước.'],
  ],
  [
    'Hồ sơ nộp trước ngày 30/9/2020. Hồ sơ nộp muộn sẽ không được xem xét.',
    ['Hồ sơ nộp trước ngày 30/9/2020.', 'Hồ sơ nộp muộn sẽ không được xem xét.'],
  ],
  [
    'Theo Tổng cục Thống kê, CPI tháng 5/2020 giảm 0,03% so với tháng trước. Bình quân 5 tháng, CPI tăng 4,39%.',
    ['Theo Tổng cục Thống kê, CPI tháng 5/2020 giảm 0,03% so với tháng trước.', 'Bình quân 5 tháng, CPI tăng 4,39%.'],
  ],
  [
    'Năm học 2020-2021, toàn tỉnh có 512 trường THPT. Tỷ lệ học sinh đi học đúng độ tuổi đạt 98,5%.',
    ['Năm học 2020-2021, toàn tỉnh có 512 trường THPT.', 'Tỷ lệ học sinh đi học đúng độ tuổi đạt 98,5%.'],
  ],
  [
    'Bộ Tài chính cho biết, thu ngân sách 5 tháng đạt 541,9 nghìn tỷ đồng. Con số này bằng 35,6% dự toán.',
    ['Bộ Tài chính cho biết, thu ngân sách 5 tháng đạt 541,9 nghìn tỷ đồng.', 'Con số này bằng 35,6% dự toán.'],
  ],
  [
    'Tỷ lệ hộ nghèo giảm còn 2,75%. Thu nhập bình quân đầu người đạt 64,5 triệu đồng/năm.',
    ['Tỷ lệ hộ nghèo giảm còn 2,75%.', 'Thu nhập bình quân đầu người đạt 64,5 triệu đồng/năm.'],
  ],
  [
    'Sản lượng lúa đạt 43,5 triệu tấn. Giá trị xuất khẩu gạo đạt 3,07 tỷ USD.',
    ['Sản lượng lúa đạt 43,5 triệu tấn.', 'Giá trị xuất khẩu gạo đạt 3,07 tỷ USD.'],
  ],
  [
    'Dự thảo được đăng tải trên Cổng thông tin điện tử của Bộ tại địa chỉ www.most.gov.vn để lấy ý kiến. Thời gian lấy ý kiến là 60 ngày.',
    ['Dự thảo được đăng tải trên Cổng thông tin điện tử của Bộ tại địa chỉ www.most.gov.vn để lấy ý kiến.', 'Thời gian lấy ý kiến là 60 ngày.'],
  ],
  [
    'Xem toàn văn tại https://vanban.chinhphu.vn/. Văn bản có hiệu lực từ ngày ký.',
    ['Xem toàn văn tại https://vanban.chinhphu.vn/.', 'Văn bản có hiệu lực từ ngày ký.'],
  ],
  [
    'Bộ Y tế khuyến cáo người dân thực hiện thông điệp 5K. Đeo khẩu trang là biện pháp quan trọng nhất.',
    ['Bộ Y tế khuyến cáo người dân thực hiện thông điệp 5K.', 'Đeo khẩu trang là biện pháp quan trọng nhất.'],
  ],
  [
    'Cục Sở hữu trí tuệ (Bộ KH&CN) cho biết, trong 6 tháng đầu năm 2020, Cục đã tiếp nhận 57.000 đơn các loại. So với cùng kỳ năm 2019, số đơn giảm 8%.',
    [
      'Cục Sở hữu trí tuệ (Bộ KH&CN) cho biết, trong 6 tháng đầu năm 2020, Cục đã tiếp nhận 57.000 đơn các loại.',
      'So với cùng kỳ năm 2019, số đơn giảm 8%.',
    ],
  ],
  [
    'Tính đến hết tháng 6/2020, cả nước có 1.200 doanh nghiệp khoa học và công nghệ. Con số này tăng gấp đôi so với năm 2015.',
    ['Tính đến hết tháng 6/2020, cả nước có 1.200 doanh nghiệp khoa học và công nghệ.', 'Con số này tăng gấp đôi so với năm 2015.'],
  ],
  [
    'Giải pháp hữu ích số 2345 được cấp văn bằng năm 2020. Tác giả là kỹ sư trẻ của Tổng công ty Viettel.',
    ['Giải pháp hữu ích số 2345 được cấp văn bằng năm 2020.', 'Tác giả là kỹ sư trẻ của Tổng công ty Viettel.'],
  ],
];

/** Quotations, brackets, question and exclamation marks, ellipses. */
const PUNCTUATION_CASES: readonly Case[] = [
  [
    'Thủ tướng nhấn mạnh: “Không để ai bị bỏ lại phía sau.” Đây là tinh thần xuyên suốt của Chính phủ.',
    ['Thủ tướng nhấn mạnh: “Không để ai bị bỏ lại phía sau.”', 'Đây là tinh thần xuyên suốt của Chính phủ.'],
  ],
  [
    'Bộ trưởng đặt câu hỏi: “Làm thế nào để doanh nghiệp tiếp cận vốn dễ hơn?” Câu hỏi được các đại biểu thảo luận sôi nổi.',
    ['Bộ trưởng đặt câu hỏi: “Làm thế nào để doanh nghiệp tiếp cận vốn dễ hơn?”', 'Câu hỏi được các đại biểu thảo luận sôi nổi.'],
  ],
  [
    '“Chúng ta phải hành động ngay!” ông nói. Các đơn vị đã triển khai ngay trong tuần.',
    ['“Chúng ta phải hành động ngay!” ông nói.', 'Các đơn vị đã triển khai ngay trong tuần.'],
  ],
  [
    'Tại sao đơn đăng ký bị từ chối? Cục Sở hữu trí tuệ giải đáp như sau.',
    ['Tại sao đơn đăng ký bị từ chối?', 'Cục Sở hữu trí tuệ giải đáp như sau.'],
  ],
  [
    'Hãy chung tay phòng, chống dịch COVID-19! Mỗi người dân là một chiến sĩ.',
    ['Hãy chung tay phòng, chống dịch COVID-19!', 'Mỗi người dân là một chiến sĩ.'],
  ],
  [
    'Ông cho biết: "Cục sẽ tiếp tục cải cách thủ tục hành chính." Các doanh nghiệp hoan nghênh chủ trương này.',
    ['Ông cho biết: "Cục sẽ tiếp tục cải cách thủ tục hành chính."', 'Các doanh nghiệp hoan nghênh chủ trương này.'],
  ],
  [
    'Đề án (được phê duyệt năm 2019) đã đạt nhiều kết quả. (Ảnh: Cục Sở hữu trí tuệ)',
    ['Đề án (được phê duyệt năm 2019) đã đạt nhiều kết quả.', '(Ảnh: Cục Sở hữu trí tuệ)'],
  ],
  [
    'Kết quả thẩm định được công bố công khai (trên trang noip.gov.vn). Người nộp đơn có thể tra cứu trực tuyến.',
    ['Kết quả thẩm định được công bố công khai (trên trang noip.gov.vn).', 'Người nộp đơn có thể tra cứu trực tuyến.'],
  ],
  [
    'Lời dạy “Thi đua là yêu nước” vẫn còn nguyên giá trị. Phong trào thi đua được phát động rộng khắp.',
    ['Lời dạy “Thi đua là yêu nước” vẫn còn nguyên giá trị.', 'Phong trào thi đua được phát động rộng khắp.'],
  ],
  [
    'Bà Nguyễn Thị Hà hỏi: “Bao giờ thủ tục được rút gọn?” và đề nghị Cục trả lời bằng văn bản.',
    ['Bà Nguyễn Thị Hà hỏi: “Bao giờ thủ tục được rút gọn?” và đề nghị Cục trả lời bằng văn bản.'],
  ],
  [
    'Ông khẳng định: “Đây là nhiệm vụ trọng tâm.” Tuy nhiên, việc thực hiện còn nhiều khó khăn.',
    ['Ông khẳng định: “Đây là nhiệm vụ trọng tâm.”', 'Tuy nhiên, việc thực hiện còn nhiều khó khăn.'],
  ],
  [
    'Khẩu hiệu của phong trào là «Đổi mới, sáng tạo». Khẩu hiệu được treo tại trụ sở.',
    ['Khẩu hiệu của phong trào là «Đổi mới, sáng tạo».', 'Khẩu hiệu được treo tại trụ sở.'],
  ],
  ['Thật đáng tự hào! Cục đã hoàn thành vượt mức kế hoạch năm.', ['Thật đáng tự hào!', 'Cục đã hoàn thành vượt mức kế hoạch năm.']],
  [
    'Vì sao phải số hóa? Vì số hóa giúp tiết kiệm thời gian và chi phí! Đó là câu trả lời của lãnh đạo Cục.',
    ['Vì sao phải số hóa?', 'Vì số hóa giúp tiết kiệm thời gian và chi phí!', 'Đó là câu trả lời của lãnh đạo Cục.'],
  ],
  [
    "Ông nói: 'Chúng tôi sẽ làm tốt hơn.' Cả hội trường vỗ tay.",
    ["Ông nói: 'Chúng tôi sẽ làm tốt hơn.'", 'Cả hội trường vỗ tay.'],
  ],
  [
    'Thời gian giải quyết là 15 ngày (kể từ ngày nhận đủ hồ sơ hợp lệ). Quá thời hạn trên, người dân có quyền khiếu nại.',
    ['Thời gian giải quyết là 15 ngày (kể từ ngày nhận đủ hồ sơ hợp lệ).', 'Quá thời hạn trên, người dân có quyền khiếu nại.'],
  ],
  [
    'Nhiều ý kiến cho rằng cần phải làm rõ trách nhiệm... nhưng chưa có kết luận cuối cùng.',
    ['Nhiều ý kiến cho rằng cần phải làm rõ trách nhiệm... nhưng chưa có kết luận cuối cùng.'],
  ],
  [
    'Các nội dung gồm: đào tạo, tập huấn, hội thảo… đều được triển khai đúng kế hoạch.',
    ['Các nội dung gồm: đào tạo, tập huấn, hội thảo… đều được triển khai đúng kế hoạch.'],
  ],
  [
    'Công việc còn nhiều… Nhưng tập thể Cục luôn đoàn kết, vượt khó.',
    ['Công việc còn nhiều…', 'Nhưng tập thể Cục luôn đoàn kết, vượt khó.'],
  ],
  [
    'Trích lời dạy của Bác: “Thi đua (...) là yêu nước”. Lời dạy ấy đến nay vẫn còn nguyên giá trị.',
    ['Trích lời dạy của Bác: “Thi đua (...) là yêu nước”.', 'Lời dạy ấy đến nay vẫn còn nguyên giá trị.'],
  ],
  [
    'Văn bản gốc ghi: “Các đơn vị [...] Cục trưởng quyết định.” Nội dung lược bỏ không ảnh hưởng ý nghĩa.',
    ['Văn bản gốc ghi: “Các đơn vị [...] Cục trưởng quyết định.”', 'Nội dung lược bỏ không ảnh hưởng ý nghĩa.'],
  ],
  [
    'Liệu mục tiêu có đạt được?! Câu trả lời phụ thuộc vào sự vào cuộc của cả hệ thống.',
    ['Liệu mục tiêu có đạt được?!', 'Câu trả lời phụ thuộc vào sự vào cuộc của cả hệ thống.'],
  ],
  [
    'Đề nghị các đơn vị báo cáo trước ngày 15/7/2020. Quá thời hạn, Cục sẽ tổng hợp theo số liệu hiện có. Trân trọng cảm ơn!',
    ['Đề nghị các đơn vị báo cáo trước ngày 15/7/2020.', 'Quá thời hạn, Cục sẽ tổng hợp theo số liệu hiện có.', 'Trân trọng cảm ơn!'],
  ],
  ['Kết quả sau 5 năm thực hiện rất đáng khích lệ!', ['Kết quả sau 5 năm thực hiện rất đáng khích lệ!']],
  [
    'Ông Nguyễn Văn Tùng, Chủ tịch UBND huyện cho biết: Huyện đã hỗ trợ 2.500 hộ nghèo. Tổng kinh phí hỗ trợ hơn 3 tỷ đồng.',
    ['Ông Nguyễn Văn Tùng, Chủ tịch UBND huyện cho biết: Huyện đã hỗ trợ 2.500 hộ nghèo.', 'Tổng kinh phí hỗ trợ hơn 3 tỷ đồng.'],
  ],
];

/** Line breaks, list markers, the "./." end mark and pieces with nothing to say. */
const STRUCTURE_CASES: readonly Case[] = [
  [
    'Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về xử phạt vi phạm hành chính.',
    ['Điều 1.', 'Phạm vi điều chỉnh', 'Nghị định này quy định về xử phạt vi phạm hành chính.'],
  ],
  ['1. Mục tiêu chung\n2. Mục tiêu cụ thể', ['1. Mục tiêu chung', '2. Mục tiêu cụ thể']],
  [
    '1. Tăng cường công tác tuyên truyền. 2. Đẩy mạnh cải cách hành chính.',
    ['1. Tăng cường công tác tuyên truyền.', '2. Đẩy mạnh cải cách hành chính.'],
  ],
  [
    'a. Đối với cơ quan nhà nước: thực hiện nghiêm quy định. b. Đối với doanh nghiệp: chủ động đăng ký bảo hộ.',
    ['a. Đối với cơ quan nhà nước: thực hiện nghiêm quy định.', 'b. Đối với doanh nghiệp: chủ động đăng ký bảo hộ.'],
  ],
  ['II. NHIỆM VỤ VÀ GIẢI PHÁP', ['II. NHIỆM VỤ VÀ GIẢI PHÁP']],
  [
    'III. Tổ chức thực hiện. Các đơn vị chủ động xây dựng kế hoạch.',
    ['III. Tổ chức thực hiện.', 'Các đơn vị chủ động xây dựng kế hoạch.'],
  ],
  [
    '1.1. Phạm vi áp dụng. Quy chế này áp dụng đối với công chức.',
    ['1.1. Phạm vi áp dụng.', 'Quy chế này áp dụng đối với công chức.'],
  ],
  ['Nơi nhận:\r\n- Như Điều 3;\r\n- Lưu: VT, TCCB.', ['Nơi nhận:', '- Như Điều 3;', '- Lưu: VT, TCCB.']],
  ['Cục Sở hữu trí tuệ trân trọng thông báo./.', ['Cục Sở hữu trí tuệ trân trọng thông báo./.']],
  [
    'Quyết định có hiệu lực kể từ ngày ký./. Phòng Tổ chức cán bộ',
    ['Quyết định có hiệu lực kể từ ngày ký./.', 'Phòng Tổ chức cán bộ'],
  ],
  [
    'Đề nghị các đơn vị nghiêm túc thực hiện./.\n\nPhòng Tổ chức cán bộ',
    ['Đề nghị các đơn vị nghiêm túc thực hiện./.', 'Phòng Tổ chức cán bộ'],
  ],
  ['Trân trọng!\nBan Biên tập', ['Trân trọng!', 'Ban Biên tập']],
  [
    'Kính gửi: Các đơn vị thuộc Cục\u2028Cục Sở hữu trí tuệ đề nghị các đơn vị báo cáo.',
    ['Kính gửi: Các đơn vị thuộc Cục', 'Cục Sở hữu trí tuệ đề nghị các đơn vị báo cáo.'],
  ],
  ['Kết thúc phần một.\n* * *\nPhần hai bắt đầu.', ['Kết thúc phần một.', 'Phần hai bắt đầu.']],
  ['...', []],
  ['  \n  ', []],
  ['./.', []],
  ['', []],
  ['  — ', []],
  ['Hội nghị kết thúc lúc 17 giờ.\n\n\n', ['Hội nghị kết thúc lúc 17 giờ.']],
  [
    'Cục trưởng chủ trì.\u00a0Các Phó Cục trưởng cùng dự.',
    ['Cục trưởng chủ trì.', 'Các Phó Cục trưởng cùng dự.'],
  ],
];

/** More sentences in the style of Vietnamese government news. */
const NEWS_CASES: readonly Case[] = [
  [
    'Chiều 18/6, tại Hà Nội, Phó Thủ tướng Vũ Đức Đam chủ trì cuộc họp. Cùng dự có đại diện lãnh đạo các bộ, ngành liên quan.',
    ['Chiều 18/6, tại Hà Nội, Phó Thủ tướng Vũ Đức Đam chủ trì cuộc họp.', 'Cùng dự có đại diện lãnh đạo các bộ, ngành liên quan.'],
  ],
  [
    'UBND tỉnh Quảng Ninh vừa ban hành Kế hoạch số 120/KH-UBND. Kế hoạch nhằm thúc đẩy chuyển đổi số.',
    ['UBND tỉnh Quảng Ninh vừa ban hành Kế hoạch số 120/KH-UBND.', 'Kế hoạch nhằm thúc đẩy chuyển đổi số.'],
  ],
  [
    'Quốc hội khóa XIV đã thông qua Luật Đầu tư (sửa đổi). Luật có hiệu lực từ ngày 01/01/2021.',
    ['Quốc hội khóa XIV đã thông qua Luật Đầu tư (sửa đổi).', 'Luật có hiệu lực từ ngày 01/01/2021.'],
  ],
  [
    'Bộ KH&CN đã tổ chức Hội nghị tổng kết năm 2019. Bộ trưởng Chu Ngọc Anh dự và chỉ đạo.',
    ['Bộ KH&CN đã tổ chức Hội nghị tổng kết năm 2019.', 'Bộ trưởng Chu Ngọc Anh dự và chỉ đạo.'],
  ],
  [
    'Việt Nam đã kiểm soát tốt dịch bệnh. Nền kinh tế đang phục hồi. Xuất khẩu tăng trở lại.',
    ['Việt Nam đã kiểm soát tốt dịch bệnh.', 'Nền kinh tế đang phục hồi.', 'Xuất khẩu tăng trở lại.'],
  ],
  [
    'Ban Tổ chức đã nhận được 1.235 tác phẩm dự thi. Sau 2 vòng chấm, 50 tác phẩm vào chung khảo.',
    ['Ban Tổ chức đã nhận được 1.235 tác phẩm dự thi.', 'Sau 2 vòng chấm, 50 tác phẩm vào chung khảo.'],
  ],
  [
    'Cục trưởng yêu cầu các đơn vị khẩn trương hoàn thành nhiệm vụ được giao; báo cáo kết quả trước ngày 30/6.',
    ['Cục trưởng yêu cầu các đơn vị khẩn trương hoàn thành nhiệm vụ được giao; báo cáo kết quả trước ngày 30/6.'],
  ],
  [
    'Chính phủ ban hành Nghị quyết 42/NQ-CP về hỗ trợ người dân gặp khó khăn do đại dịch. Gói hỗ trợ trị giá 62.000 tỷ đồng.',
    ['Chính phủ ban hành Nghị quyết 42/NQ-CP về hỗ trợ người dân gặp khó khăn do đại dịch.', 'Gói hỗ trợ trị giá 62.000 tỷ đồng.'],
  ],
  [
    'Lễ ký kết diễn ra trong không khí trang trọng. Sau đây là một số hình ảnh.',
    ['Lễ ký kết diễn ra trong không khí trang trọng.', 'Sau đây là một số hình ảnh.'],
  ],
  [
    'Ông Lê Văn Thành, Bí thư Thành ủy Hải Phòng dự lễ. Ông đánh giá cao sự chủ động của các sở, ngành.',
    ['Ông Lê Văn Thành, Bí thư Thành ủy Hải Phòng dự lễ.', 'Ông đánh giá cao sự chủ động của các sở, ngành.'],
  ],
  [
    'Mọi ý kiến đóng góp xin gửi về Vụ Pháp chế, Bộ Khoa học và Công nghệ, số 113 Trần Duy Hưng, Hà Nội.',
    ['Mọi ý kiến đóng góp xin gửi về Vụ Pháp chế, Bộ Khoa học và Công nghệ, số 113 Trần Duy Hưng, Hà Nội.'],
  ],
  [
    'Đến dự có ông Trần Văn Tùng, Thứ trưởng Bộ KH&CN. Về phía địa phương có lãnh đạo UBND tỉnh Bắc Ninh.',
    ['Đến dự có ông Trần Văn Tùng, Thứ trưởng Bộ KH&CN.', 'Về phía địa phương có lãnh đạo UBND tỉnh Bắc Ninh.'],
  ],
  [
    'Hội nghị trực tuyến được kết nối tới 63 tỉnh, thành phố. Hơn 10.000 đại biểu tham dự tại các điểm cầu.',
    ['Hội nghị trực tuyến được kết nối tới 63 tỉnh, thành phố.', 'Hơn 10.000 đại biểu tham dự tại các điểm cầu.'],
  ],
  [
    'Sáng 20/6, Thủ tướng Nguyễn Xuân Phúc dự Hội nghị xúc tiến đầu tư tỉnh Bình Định. Hội nghị đã trao quyết định chủ trương đầu tư cho 18 dự án.',
    ['Sáng 20/6, Thủ tướng Nguyễn Xuân Phúc dự Hội nghị xúc tiến đầu tư tỉnh Bình Định.', 'Hội nghị đã trao quyết định chủ trương đầu tư cho 18 dự án.'],
  ],
  [
    'Quy định mới được áp dụng thống nhất trên toàn quốc. Các địa phương không được ban hành thêm thủ tục.',
    ['Quy định mới được áp dụng thống nhất trên toàn quốc.', 'Các địa phương không được ban hành thêm thủ tục.'],
  ],
  [
    'Đây là lần thứ 3 Cục tổ chức hội nghị này. Lần trước được tổ chức vào năm 2015.',
    ['Đây là lần thứ 3 Cục tổ chức hội nghị này.', 'Lần trước được tổ chức vào năm 2015.'],
  ],
  [
    'Tham dự buổi lễ có ông Phạm Minh Chính, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương.',
    ['Tham dự buổi lễ có ông Phạm Minh Chính, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương.'],
  ],
  [
    'Cục trưởng Đinh Hữu Phí chúc mừng các tập thể, cá nhân được khen thưởng. Ông mong muốn các tập thể, cá nhân tiếp tục phát huy.',
    ['Cục trưởng Đinh Hữu Phí chúc mừng các tập thể, cá nhân được khen thưởng.', 'Ông mong muốn các tập thể, cá nhân tiếp tục phát huy.'],
  ],
  [
    'Theo Điều 7 Luật Sở hữu trí tuệ năm 2005, sửa đổi, bổ sung năm 2009 và 2019, chủ thể quyền có quyền tự bảo vệ. Nhà nước bảo hộ quyền sở hữu trí tuệ.',
    ['Theo Điều 7 Luật Sở hữu trí tuệ năm 2005, sửa đổi, bổ sung năm 2009 và 2019, chủ thể quyền có quyền tự bảo vệ.', 'Nhà nước bảo hộ quyền sở hữu trí tuệ.'],
  ],
  [
    'Năm 2020, Việt Nam đảm nhận vai trò Chủ tịch ASEAN. Đồng thời, Việt Nam là Ủy viên không thường trực Hội đồng Bảo an Liên hợp quốc nhiệm kỳ 2020-2021.',
    ['Năm 2020, Việt Nam đảm nhận vai trò Chủ tịch ASEAN.', 'Đồng thời, Việt Nam là Ủy viên không thường trực Hội đồng Bảo an Liên hợp quốc nhiệm kỳ 2020-2021.'],
  ],
  [
    'Đại hội đã bầu Ban Chấp hành Đảng bộ khóa mới gồm 15 đồng chí. Đồng chí Nguyễn Văn Hải tái đắc cử Bí thư Đảng ủy.',
    ['Đại hội đã bầu Ban Chấp hành Đảng bộ khóa mới gồm 15 đồng chí.', 'Đồng chí Nguyễn Văn Hải tái đắc cử Bí thư Đảng ủy.'],
  ],
  [
    'Nhóm giải pháp thứ nhất là hoàn thiện thể chế. Nhóm thứ hai là phát triển nguồn nhân lực. Nhóm thứ ba là ứng dụng công nghệ.',
    ['Nhóm giải pháp thứ nhất là hoàn thiện thể chế.', 'Nhóm thứ hai là phát triển nguồn nhân lực.', 'Nhóm thứ ba là ứng dụng công nghệ.'],
  ],
  [
    'Ủy ban nhân dân tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện. Giám đốc Sở Y tế chịu trách nhiệm trước Chủ tịch UBND tỉnh.',
    [
      'Ủy ban nhân dân tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện.',
      'Giám đốc Sở Y tế chịu trách nhiệm trước Chủ tịch UBND tỉnh.',
    ],
  ],
  [
    'Ấn tượng nhất là kết quả cải cách thủ tục hành chính. Ước tính mỗi năm tiết kiệm hơn 1.000 tỷ đồng.',
    ['Ấn tượng nhất là kết quả cải cách thủ tục hành chính.', 'Ước tính mỗi năm tiết kiệm hơn 1.000 tỷ đồng.'],
  ],
  [
    'Công tác phòng, chống tham nhũng được đẩy mạnh. Ở nhiều địa phương, người đứng đầu đã trực tiếp đối thoại với người dân.',
    ['Công tác phòng, chống tham nhũng được đẩy mạnh.', 'Ở nhiều địa phương, người đứng đầu đã trực tiếp đối thoại với người dân.'],
  ],
  [
    'Bộ Công Thương cho biết kim ngạch xuất khẩu tăng mạnh. Ông Trần Tuấn Anh, Bộ trưởng Bộ Công Thương, đánh giá đây là tín hiệu tích cực.',
    ['Bộ Công Thương cho biết kim ngạch xuất khẩu tăng mạnh.', 'Ông Trần Tuấn Anh, Bộ trưởng Bộ Công Thương, đánh giá đây là tín hiệu tích cực.'],
  ],
  [
    'Dự án cao tốc Bắc - Nam được chia thành 11 dự án thành phần. Tổng chiều dài khoảng 654 km.',
    ['Dự án cao tốc Bắc - Nam được chia thành 11 dự án thành phần.', 'Tổng chiều dài khoảng 654 km.'],
  ],
  [
    'Ủy ban Quốc gia về chuyển đổi số đã họp phiên thứ nhất. Ủy ban do Thủ tướng Chính phủ làm Chủ tịch.',
    ['Ủy ban Quốc gia về chuyển đổi số đã họp phiên thứ nhất.', 'Ủy ban do Thủ tướng Chính phủ làm Chủ tịch.'],
  ],
  [
    'Ông Vũ Văn B., Phó Chủ tịch UBND tỉnh, trực tiếp kiểm tra hiện trường. Ông yêu cầu khắc phục hậu quả trong 7 ngày.',
    ['Ông Vũ Văn B., Phó Chủ tịch UBND tỉnh, trực tiếp kiểm tra hiện trường.', 'Ông yêu cầu khắc phục hậu quả trong 7 ngày.'],
  ],
  [
    'Năm 2021 có nhiều sự kiện trọng đại. Đó là Đại hội XIII của Đảng và bầu cử Quốc hội khóa XV.',
    ['Năm 2021 có nhiều sự kiện trọng đại.', 'Đó là Đại hội XIII của Đảng và bầu cử Quốc hội khóa XV.'],
  ],
  [
    'Hội nghị lấy ý kiến về dự thảo Luật Sở hữu trí tuệ sửa đổi. Ý kiến góp ý gửi về Cục trước ngày 30/7.',
    ['Hội nghị lấy ý kiến về dự thảo Luật Sở hữu trí tuệ sửa đổi.', 'Ý kiến góp ý gửi về Cục trước ngày 30/7.'],
  ],
  [
    'Tổng cục Thuế đã hoàn thuế cho 1.960 doanh nghiệp. Số tiền hoàn là 23.474 tỷ đồng.',
    ['Tổng cục Thuế đã hoàn thuế cho 1.960 doanh nghiệp.', 'Số tiền hoàn là 23.474 tỷ đồng.'],
  ],
  [
    'Thời gian tới, Cục tiếp tục đẩy mạnh ứng dụng công nghệ thông tin. Ưu tiên hàng đầu là xây dựng hệ thống nộp đơn trực tuyến.',
    ['Thời gian tới, Cục tiếp tục đẩy mạnh ứng dụng công nghệ thông tin.', 'Ưu tiên hàng đầu là xây dựng hệ thống nộp đơn trực tuyến.'],
  ],
  [
    'Phó Thủ tướng yêu cầu: Bộ Y tế khẩn trương hướng dẫn các địa phương. Bộ Tài chính bố trí đủ kinh phí.',
    ['Phó Thủ tướng yêu cầu: Bộ Y tế khẩn trương hướng dẫn các địa phương.', 'Bộ Tài chính bố trí đủ kinh phí.'],
  ],
];

const VIETNAMESE_CASES: readonly Case[] = [
  ...SEED_CASES,
  ...ABBREVIATION_CASES,
  ...NUMBER_CASES,
  ...PUNCTUATION_CASES,
  ...STRUCTURE_CASES,
  ...NEWS_CASES,
];

/** GOV.UK-style English. */
const ENGLISH_CASES: readonly Case[] = [
  ['The Prime Minister met Mr. Smith today. They discussed trade.', ['The Prime Minister met Mr. Smith today.', 'They discussed trade.']],
  ['Dr. Jones will lead the review. It will report in June.', ['Dr. Jones will lead the review.', 'It will report in June.']],
  [
    'The guidance was updated on 19 June 2020. It applies to England only.',
    ['The guidance was updated on 19 June 2020.', 'It applies to England only.'],
  ],
  ['Visit www.gov.uk for details. Applications close at 5pm.', ['Visit www.gov.uk for details.', 'Applications close at 5pm.']],
  ['The scheme, e.g. grants and loans, is open to all businesses.', ['The scheme, e.g. grants and loans, is open to all businesses.']],
  ['The U.S. delegation arrived on Monday.', ['The U.S. delegation arrived on Monday.']],
  [
    'He lives at No. 10 Downing Street. The street is closed to traffic.',
    ['He lives at No. 10 Downing Street.', 'The street is closed to traffic.'],
  ],
  ['Is this correct? Yes. It was confirmed by the department.', ['Is this correct?', 'Yes.', 'It was confirmed by the department.']],
  [
    'Funding rose by 3.5% to £1,200,000. This is the largest increase since 2010.',
    ['Funding rose by 3.5% to £1,200,000.', 'This is the largest increase since 2010.'],
  ],
  [
    '“We will act now,” the Minister said. “There is no time to lose.”',
    ['“We will act now,” the Minister said.', '“There is no time to lose.”'],
  ],
  [
    'The report (published in March) was welcomed. (Photo: Cabinet Office)',
    ['The report (published in March) was welcomed.', '(Photo: Cabinet Office)'],
  ],
  ['Prof. Whitty gave evidence. He was joined by Sir Patrick Vallance.', ['Prof. Whitty gave evidence.', 'He was joined by Sir Patrick Vallance.']],
  [
    'The consultation closes on Jan. 5. Responses can be sent by email.',
    ['The consultation closes on Jan. 5.', 'Responses can be sent by email.'],
  ],
  ['Wait... what happened next? Nobody knows.', ['Wait... what happened next?', 'Nobody knows.']],
  ['Section 2.1 sets out the rules. Section 2.2 covers exceptions.', ['Section 2.1 sets out the rules.', 'Section 2.2 covers exceptions.']],
  [
    'Contact us at info@example.gov.uk. We aim to reply within 5 working days.',
    ['Contact us at info@example.gov.uk.', 'We aim to reply within 5 working days.'],
  ],
  [
    "The Rt Hon Jane Doe MP said: 'This is good news.' She thanked staff.",
    ["The Rt Hon Jane Doe MP said: 'This is good news.'", 'She thanked staff.'],
  ],
  ['John F. Kennedy visited Berlin in 1963.', ['John F. Kennedy visited Berlin in 1963.']],
  ['Apply now!\nDeadlines are strict.', ['Apply now!', 'Deadlines are strict.']],
  [
    'Mrs. Brown and Ms. Green chaired the meeting. Minutes were taken by Mr. White.',
    ['Mrs. Brown and Ms. Green chaired the meeting.', 'Minutes were taken by Mr. White.'],
  ],
  ['Inflation was 2.1% in May. It fell to 1.9% in June.', ['Inflation was 2.1% in May.', 'It fell to 1.9% in June.']],
  ['We met at 10 a.m. and left at noon.', ['We met at 10 a.m. and left at noon.']],
  ['Patients need vitamin C. Doctors recommend fresh fruit.', ['Patients need vitamin C.', 'Doctors recommend fresh fruit.']],
];

const OTHER_LANGUAGE_CASES: ReadonlyArray<readonly [lang: string, input: string, expected: readonly string[]]> = [
  ['fr', 'M. Dupont est arrivé. Il a parlé au ministre.', ['M. Dupont est arrivé.', 'Il a parlé au ministre.']],
  ['de', 'Dr. Müller kommt heute. Er bleibt zwei Tage.', ['Dr. Müller kommt heute.', 'Er bleibt zwei Tage.']],
  ['es', '¿Dónde está el ministerio? Está en Madrid.', ['¿Dónde está el ministerio?', 'Está en Madrid.']],
];

function expectExactOffsets(input: string, sentences: readonly Sentence[]): void {
  let previousEnd = 0;
  for (const sentence of sentences) {
    expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentence.text).toBe(sentence.text.trim());
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = sentence.end;
  }
}

/** Letters and digits only: what a speech engine would actually say. */
function speakable(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

describe('splitSentences: Vietnamese', () => {
  it('has a table of at least 150 cases', () => {
    expect(VIETNAMESE_CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(VIETNAMESE_CASES)('%s', (input, expected) => {
    const sentences = splitSentences(input, 'vi', NO_CHUNKING);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(input, sentences);
  });
});

describe('splitSentences: English', () => {
  it.each(ENGLISH_CASES)('%s', (input, expected) => {
    const sentences = splitSentences(input, 'en', NO_CHUNKING);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(input, sentences);
  });
});

describe('splitSentences: other languages use the same rules', () => {
  it.each(OTHER_LANGUAGE_CASES)('%s: %s', (lang, input, expected) => {
    const sentences = splitSentences(input, lang, NO_CHUNKING);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(input, sentences);
  });
});

describe('splitSentences: offsets', () => {
  it('points at the trimmed span of each sentence', () => {
    const input = '  Cục trưởng chủ trì.   Các Phó Cục trưởng cùng dự.  ';
    expect(splitSentences(input, 'vi')).toEqual([
      { text: 'Cục trưởng chủ trì.', start: 2, end: 21 },
      { text: 'Các Phó Cục trưởng cùng dự.', start: 24, end: 51 },
    ]);
  });

  it('counts CRLF line breaks correctly', () => {
    const input = 'Dòng một\r\nDòng hai';
    expect(splitSentences(input, 'vi')).toEqual([
      { text: 'Dòng một', start: 0, end: 8 },
      { text: 'Dòng hai', start: 10, end: 18 },
    ]);
  });

  it('handles decomposed (NFD) text without losing offsets', () => {
    const input = 'Ông Nguyễn Văn A. Cục trưởng phát biểu. Ấn tượng nhất là kết quả năm 2019.'.normalize('NFD');
    const sentences = splitSentences(input, 'vi');
    expect(sentences.map((s) => s.text)).toEqual([
      'Ông Nguyễn Văn A. Cục trưởng phát biểu.'.normalize('NFD'),
      'Ấn tượng nhất là kết quả năm 2019.'.normalize('NFD'),
    ]);
    expectExactOffsets(input, sentences);
  });
});

describe('splitSentences: chunking long sentences', () => {
  const longSentence = SEED_CASES[0]?.[1][0] ?? '';

  it('keeps sentences up to maxLength whole', () => {
    const input = 'Cục trưởng chủ trì hội nghị.';
    expect(splitSentences(input, 'vi', input.length).map((s) => s.text)).toEqual([input]);
  });

  it('uses 200 characters by default', () => {
    expect(longSentence.length).toBeGreaterThan(200);
    const chunks = splitSentences(longSentence, 'vi');
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(200);
  });

  it('cuts after clause punctuation that fits', () => {
    const input =
      'Hội nghị nhằm tổng kết công tác thi đua khen thưởng, đánh giá những kết quả đã đạt được; nhận diện những hạn chế, tồn tại.';
    expect(splitSentences(input, 'vi', 60).map((s) => s.text)).toEqual([
      'Hội nghị nhằm tổng kết công tác thi đua khen thưởng,',
      'đánh giá những kết quả đã đạt được;',
      'nhận diện những hạn chế, tồn tại.',
    ]);
  });

  it('cuts at a spaced dash', () => {
    const input = 'Tham dự có ông Phan Ngân Sơn - Phó Cục trưởng Cục Sở hữu trí tuệ';
    expect(splitSentences(input, 'vi', 40).map((s) => s.text)).toEqual([
      'Tham dự có ông Phan Ngân Sơn -',
      'Phó Cục trưởng Cục Sở hữu trí tuệ',
    ]);
  });

  it('cuts at a space when no clause punctuation is close enough', () => {
    const input = 'Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở';
    expect(splitSentences(input, 'vi', 30).map((s) => s.text)).toEqual([
      'Cục Sở hữu trí tuệ tổ chức hội',
      'nghị điển hình tiên tiến cấp',
      'cơ sở',
    ]);
  });

  it('does not cut inside a number written with separators', () => {
    const input = 'Tổng kinh phí là 1.500.000.000 đồng, tương đương 5,3% dự toán';
    expect(splitSentences(input, 'vi', 25).map((s) => s.text)).toEqual([
      'Tổng kinh phí là',
      '1.500.000.000 đồng,',
      'tương đương 5,3% dự toán',
    ]);
  });

  it('keeps a word longer than maxLength whole', () => {
    const url = `https://noip.gov.vn/${'a'.repeat(80)}`;
    const input = `Xem tại ${url} để biết thêm chi tiết.`;
    expect(splitSentences(input, 'vi', 30).map((s) => s.text)).toEqual(['Xem tại', url, 'để biết thêm chi tiết.']);
  });

  it('never returns empty or punctuation-only chunks', () => {
    // Every 3-character window in the middle holds only ", ,".
    const input = 'A , , , , , , , , , , , , B';
    expect(splitSentences(input, 'vi', 3).map((s) => s.text)).toEqual(['A ,', ', B']);
  });

  it('prefers a semicolon to a later comma', () => {
    const input = 'Các đơn vị đã hoàn thành kế hoạch; tuy nhiên, tiến độ giải ngân còn chậm';
    expect(splitSentences(input, 'vi', 50).map((s) => s.text)).toEqual([
      'Các đơn vị đã hoàn thành kế hoạch;',
      'tuy nhiên, tiến độ giải ngân còn chậm',
    ]);
  });

  it.each([20, 35, 50, 80, 120])('keeps every invariant at maxLength %i across the whole table', (maxLength) => {
    for (const [input] of [...VIETNAMESE_CASES, ...ENGLISH_CASES]) {
      const chunks = splitSentences(input, 'vi', maxLength);
      expectExactOffsets(input, chunks);
      for (const chunk of chunks) {
        expect(chunk.text).toMatch(/[\p{L}\p{N}]/u);
        if (/\s/.test(chunk.text)) expect(chunk.text.length).toBeLessThanOrEqual(maxLength);
      }
      // Nothing speakable is lost by chunking.
      expect(speakable(chunks.map((c) => c.text).join(''))).toBe(speakable(input));
    }
  });
});

describe('splitSentences: speed', () => {
  it('segments a 20,000-word page quickly (linear time)', () => {
    const paragraph = (SEED_CASES[8]?.[0] ?? '') + ' ';
    const page = paragraph.repeat(Math.ceil(20_000 / paragraph.split(' ').length));
    const started = performance.now();
    const sentences = splitSentences(page, 'vi');
    const elapsed = performance.now() - started;
    expect(sentences.length).toBeGreaterThan(400);
    expect(elapsed).toBeLessThan(1000);
  });
});
