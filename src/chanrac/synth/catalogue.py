"""The templates: how each category of Vietnamese SMS reads, written for this project.

Patterns follow what public reports and the press describe (domain.md, "What spam looks like");
no text is copied from any data set. Each template is spintax (see :mod:`chanrac.synth.template`),
so one template yields dozens to hundreds of wordings. Spam is often written without diacritics,
with odd spacing and a random tag at the end; ham carries the operator, bank and shop habits
(brandname senders, "(QC)"/"[QC]" labels and the opt-out line for legal advertising).
"""

# Templates are data, one a line: wrapping them would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from chanrac.model import Category
from chanrac.synth.template import Template

G, L, D, P = Category.GAMBLING, Category.LOAN, Category.FAKE_DOCS, Category.PHISHING
S, SIM, A, AD, H = Category.SCAM, Category.SIM_SALE, Category.ADULT, Category.ADVERTISING, Category.HAM

_MOBILE = ("mobile",)

# fmt: off
_TEMPLATES: tuple[Template, ...] = (
    # --- gambling: casinos, slot games ("nổ hũ"), "tài xỉu", football betting, lottery ("lô đề") ---
    Template("gambling.01", G, "{[{game}]|{game}:|{game}} tặng {ngay|liền|} {small_amount} cho {thành viên mới|tân thủ|TV mới}, {nạp đầu|nạp lần đầu} x{2|3} {giá trị|tài khoản}. {Truy cập|Chơi ngay|Nhận tại} {game_url} {{tag}|}", ascii_rate=0.7),
    Template("gambling.02", G, "{KM|Khuyen mai} nap 1 {thuong|tang} 1, ty le {cuoc cao|an cao nhat|keo thom}, {hoan tra|hoan} {percent} moi ngay. {DK|Dang ky} {game_url} {tag}", ascii_rate=1),
    Template("gambling.03", G, "{Nổ hũ|No hu|Quay hũ} {cực dễ|siêu dễ|liền tay} tại {game}, {jackpot|hũ} {big_amount} {đang chờ bạn|mỗi ngày}! {Tặng code|Tặng giftcode|Code} {small_amount}: {game_url}", ascii_rate=0.6),
    Template("gambling.04", G, "Tai xiu {uy tin|minh bach|online} {so 1|hang dau} VN, {rut tien|rut} {5 phut|nhanh 3 phut|sieu toc}, {nap rut|giao dich} qua {bank}. {Tham gia|Vao choi} {game_url} nhan {small_amount} {{tag}|}", ascii_rate=1),
    Template("gambling.05", G, "{Soi keo|Keo} {Ngoai hang Anh|C1|V-League|World Cup} {dem nay|hom nay}: {game} {tang|thuong} {percent} {lan nap dau|moi lan nap}, {cuoc|dat keo} {that thua|thua} {hoan|tra lai} {percent}. LH Zalo {phone} {hoac|/} {game_url}", ascii_rate=1),
    Template("gambling.06", G, "{Lô đề|Lo de|Xổ số} online tỷ lệ 1 ăn {99|99.5|80}, {trả thưởng|thanh toán} {trong 5 phút|siêu tốc}, {bao|cam kết} uy tín. {Đăng ký|Tham gia} {game_url} {hoặc|hay} Zalo {phone}", ascii_rate=0.6),
    Template("gambling.07", G, "{game} {chúc mừng|thông báo} {quý khách|bạn} {được tặng|nhận} {small_amount} {trải nghiệm|vào tài khoản} {miễn phí|free}, {hạn|chỉ} trong {24h|hôm nay}. {Nhận ngay|Click} {game_url}", ascii_rate=0.6),
    Template("gambling.08", G, "{Ban ca|Bắn cá} {doi thuong|đổi thưởng} {game}: {tan thu|tân thủ} {nhan|nhận} {small_amount}, {nap|nạp} {small_amount_2} {tang|tặng} {small_amount_3}. {Tai app|Tải app} {game_url} {{tag}|}", ascii_rate=0.5),
    Template("gambling.09", G, "{Casino|Song bai|Sòng bài} truc tuyen {game}: {Baccarat|Rong Ho|Xoc dia|Poker} {live|truc tiep} {24/7|moi luc}, {hoan tra|hoàn trả} {percent} khong gioi han. {game_url}", ascii_rate=1),
    Template("gambling.10", G, "{Anh|A|Ban} oi {game} {dang|co} {su kien|event} {nap|nạp} {lan dau|dau} {nhan|x} {2|3} {tien|gia tri}, {rut|rút} ve {bank} {5p|trong 5p}. {Ib|Inbox|Nhan} Tele {telegram} {{tag}|}", ascii_rate=1),
    Template("gambling.11", G, "{[TB]|(TB)|TB:} Tai khoan {cua ban|quy khach} {tai|o} {game} {con|duoc cong} {small_amount} {chua su dung|tien thuong}, {het han|het hieu luc} {trong 24h|toi nay}. {Dang nhap|Nhan} {game_url}", ascii_rate=1),
    Template("gambling.12", G, "{Đá gà|Da ga} {trực tiếp|thomo|Campuchia} {hôm nay|mỗi ngày} tại {game}, {cược tối thiểu|cược từ} {small_amount}, {hoàn|trả} {percent}. {Xem|Vào} {game_url} {{tag}|}", ascii_rate=0.7),
    Template("gambling.13", G, "{Kiếm|Kiem} {amount} {mỗi ngày|moi ngay} {từ|voi} {soi cầu|cau lo|tai xiu} {chuẩn|99%}, {nhóm|group} VIP {miễn phí|free} {hôm nay|}. {Vào nhóm|Tham gia} {telegram} {hoặc|/} {game_url}", ascii_rate=0.7),

    # --- illegal credit: quick loans without checks, "tín dụng đen" ---
    Template("loan.01", L, "{Vay nhanh|Vay tiền nhanh|Hỗ trợ vay} {amount} giải ngân {trong ngày|sau 30 phút|trong 15 phút}, {không thẩm định|không gặp mặt|không cần thế chấp}, {chỉ cần|chỉ cần có} CCCD. {LH|Liên hệ|Zalo} {phone}", ascii_rate=0.6),
    Template("loan.02", L, "{Ho tro|HO TRO} vay {von|tien} {tieu dung|kinh doanh} {den|toi} {big_amount}, lai {suat|} {0.8%|1%|thap}/thang, {duyet|xet duyet} {online|qua dien thoai} {5 phut|nhanh}, {no xau van vay duoc|khong can CM thu nhap}. {LH|Zalo} {phone} {agent}", ascii_rate=1),
    Template("loan.03", L, "{Chào|Chao} {anh/chị|a/c|quy khach}, {em|minh} {bên|ben} {tài chính|tai chinh} {bank} {hỗ trợ|ho tro} {khoản vay|goi vay} {amount} {chỉ cần|chi can} CCCD, {không|ko} {thẩm định|tham dinh} {nhà|}. {Kết bạn|Ket ban} Zalo {phone} {để|de} {được tư vấn|tu van}", ascii_rate=0.5),
    Template("loan.04", L, "{Cần tiền gấp|Can tien gap|Kẹt tiền}? {Vay|Vay ngay} {amount} qua app, {giải ngân|giai ngan} {sau 10 phút|ngay}, {không gọi người thân|bao mat tuyet doi}. {Tải app|Dang ky} {url}", ascii_rate=0.5),
    Template("loan.05", L, "{Bốc họ|Boc ho|Cho vay trả góp ngày} {tại|khu vực} {place}: {vay|cho vay} {amount}, {góp|tra} {ngày|tuan} {nhẹ|tu} {small_amount}, {không cần|khong} {giấy tờ|ho khau|tham dinh}. {LH|Goi} {agent} {phone}", ascii_rate=0.6),
    Template("loan.06", L, "{Quy khach|Ban} {da duoc|duoc} {duyet|phe duyet} {khoan vay|ho so vay} {amount} {tai|tu} {bank}, {vui long|hay} {xac nhan|ket ban Zalo} {phone} {de|truoc 17h de} {giai ngan|nhan tien}", ascii_rate=1),
    Template("loan.07", L, "{Vay|VAY} {tín chấp|tin chap} {theo|} {lương|luong|cavet xe|sim Viettel|cà vẹt xe}: {đến|den} {big_amount}, {duyệt|duyet} {trong ngày|24h}, {không cần|ko can} {chứng minh thu nhập|bao lanh}. {Hotline|LH} {phone}", ascii_rate=0.5),
    Template("loan.08", L, "{Đáo hạn|Dao han} {thẻ tín dụng|the tin dung|ngân hàng}, {rút tiền|rut tien} {thẻ|the} {tín dụng|} {phí thấp|phi 1.5%|phi re}, {hỗ trợ|ho tro} {vay|} {tất toán|tat toan} {khoản vay|} {bank}. {LH|Zalo} {phone}", ascii_rate=0.5),
    Template("loan.09", L, "{App|Ung dung} {vay|Vay} {online|onl} {moi|} {ra mat|uy tin}: {vay|han muc} {den|} {amount}, {0%|mien} lai {thang dau|7 ngay dau}, {khong|ko} {tham dinh|hoi nguoi than}. {Tai|Cai} {short_url} {{tag}|}", ascii_rate=1),
    Template("loan.10", L, "{No xau|Nợ xấu} {CIC|nhóm 2-5} {van|vẫn} vay {duoc|được} {amount}, {xoa|xóa} {no xau|nợ xấu} {CIC|} {tron goi|nhanh}. {LH|Liên hệ} {agent} {phone}", ascii_rate=0.5),
    Template("loan.11", L, "{Chỉ cần|Chi can} {CCCD gắn chip|CCCD|can cuoc} {+|va} {tài khoản|TK} {ngân hàng|NH} {là|la} {vay được|nhan ngay} {amount}, {không|ko} {thu phí trước|thu phi}. {Đăng ký|DK} {url} {hoặc|hay} {Zalo|ZL} {phone}", ascii_rate=0.6),
    Template("loan.12", L, "{Cho vay|Vay} {nóng|nong|von} {sinh viên|cong nhan|tieu thuong} {tại|o} {place}, {không|khong} {cần|} {thế chấp|the chap}, {lãi|lai} {ngày|} {thấp|2k/trieu}. {Gọi|Alo|LH} {phone} {{agent}|}", ascii_rate=0.6),

    # --- fake documents: diplomas, licences, ID cards, land titles, invoices ---
    Template("fake_docs.01", D, "{Làm|Nhận làm|Lam} {bằng đại học|bằng cao đẳng|bằng cấp 3}, {cao đẳng|trung cấp}, {phôi thật|phoi that|chuẩn phôi}, {có hồ sơ gốc|tra cứu được|bao kiểm tra}. {LH|Liên hệ|Zalo} {phone}", ascii_rate=0.6),
    Template("fake_docs.02", D, "{Nhan lam|Lam} {cac loai|tat ca} {giay to|bang cap}: {degree}, {degree_2}, {nhan|giao} {nhanh|trong ngay}, {khong can|ko} {coc|dat coc}. {LH|Goi} {phone}", ascii_rate=1),
    Template("fake_docs.03", D, "{Bằng lái xe|Bang lai xe|GPLX} {A1|B2|C|A1, B2} {không cần|khong} {thi|hoc}, {có dữ liệu|co du lieu} {trên hệ thống|tra cuu tren CSGT}, {nhận|lay} {sau 7 ngày|trong tuan}. {Zalo|LH} {phone}", ascii_rate=0.6),
    Template("fake_docs.04", D, "{Lam|Làm} {CCCD|can cuoc|căn cước} {gan chip|gắn chíp|}, {ho chieu|hộ chiếu}, {giay dang ky xe|đăng ký xe}, {so ho khau|sổ hộ khẩu} {lay nhanh|lấy nhanh|}, {giao tan noi|giao hàng thu tiền}. {LH|Zalo} {phone}", ascii_rate=0.5),
    Template("fake_docs.05", D, "{Xuất|Xuat|Ban} {hóa đơn đỏ|hoa don VAT|hoa don GTGT} {các ngành|moi nganh nghe}, {giá|gia} {rẻ|thap|tu 1%}, {hợp lệ|hop le} {khai thuế|bao cao thue}. {LH|Kế toán|Ke toan} {agent} {phone}", ascii_rate=0.5),
    Template("fake_docs.06", D, "{Bäng Cäp|B4ng cap|Bằng cấp} {Däi H0c|ĐH|dai hoc}, {CaøDang|cao dang|cao đẳng}, {Trung cấp|trung cap} {chuẩn|chuan} {100%|phoi goc}. {LH|Lh} {phone}", ascii_rate=1),
    Template("fake_docs.07", D, "{Nhận|Nhan} {làm|lam} {sổ đỏ|so hong|sổ hồng}, {giấy tờ nhà đất|GCN QSDD} {nhanh|cap toc}, {có|co} {mã QR|du lieu} {tra cứu|tra cuu}. {Hotline|LH} {phone} {{agent}|}", ascii_rate=0.6),
    Template("fake_docs.08", D, "{Chung chi|Chứng chỉ} {tieng Anh|IELTS|TOEIC|tin hoc|A2, B1} {khong thi|không cần thi|bao dau}, {co diem tren he thong|tra cuu online}, {lay|nhận} {trong 3 ngay|nhanh}. {Zalo|LH} {phone}", ascii_rate=0.4),
    Template("fake_docs.09", D, "{Giấy khám sức khỏe|Giay kham suc khoe|Giấy nghỉ ốm} {có dấu|co dau} {bệnh viện|benh vien}, {giấy xác nhận|xac nhan} {cư trú|dan su}, {giấy phép lái xe|GPLX} - {giao|ship} {tận nơi|toan quoc}. {Zalo|Alo} {phone}", ascii_rate=0.6),
    Template("fake_docs.10", D, "{Dịch vụ|DV|Dich vu} {làm|lam} {bằng|bang} {tốt nghiệp|tot nghiep} {các trường|moi truong} {đại học|DH} {trong nước|toan quoc}, {cam kết|cam ket} {giống thật|nhu that} {100%|}, {bảo mật|bao mat}. {LH|Liên hệ} {agent} {phone}", ascii_rate=0.6),
    Template("fake_docs.11", D, "{Ben|Bên} {em|mình} {nhan|nhận} {lam|làm} {degree}, {degree_2} {va|và} {tat ca|mọi} {giay to|giấy tờ} {khac|khác}; {LH|Lh} {phone} {giao hang thu tien|COD}", ascii_rate=1),
    Template("fake_docs.12", D, "{Cavet|Cà vẹt|Đăng ký} {xe|xe máy|ô tô} {giả|gia} {chuẩn|chuan} {phôi|phoi}, {biển số|bien so} {đẹp|dep} {theo yêu cầu|}, {bảo hành|bao hanh} {qua chốt|kiem tra}. {Liên hệ|LH} {phone}", ascii_rate=0.6),

    # --- phishing: banks, police, tax, EVN, VNeID, delivery, traffic fines ---
    Template("phishing.01", P, "{bank}: {tài khoản|tai khoan} {của quý khách|cua quy khach|của bạn} {bị tạm khóa|đã bị khóa|tạm ngưng} do {chưa cập nhật|chua cap nhat} {sinh trắc học|CCCD gắn chip|thông tin}. {Xác minh|Vui lòng xác minh|Cap nhat} {tại|ngay tai} {bank_url}", senders=("mobile", "bank"), ascii_rate=0.6),
    Template("phishing.02", P, "{bank} {tran trong|trân trọng} {thong bao|thông báo}: {tai khoan|TK} {cua quy khach|của bạn} {dang nhap|đăng nhập} {tren thiet bi la|ở nơi khác|bat thuong}. {Neu khong phai ban|Nếu không phải quý khách}, {vui long|hãy} {truy cap|nhấn vào} {bank_url} {de|để} {khoa|hủy} {giao dich|}", senders=("mobile", "bank"), ascii_rate=0.6),
    Template("phishing.03", P, "{bank}: {Quy khach|Bạn} {da dang ky|đã đăng ký} {dich vu|dịch vụ} {thanh toan quoc te|tài chính toàn cầu}, phi {amount}/thang {se bi tru|sẽ trừ} {trong 2 gio|hôm nay}. {Neu khong phai ban|Nếu không phải bạn} {vui long|} {huy tai|hủy tại} {bank_url}", senders=("mobile", "bank"), ascii_rate=0.7),
    Template("phishing.04", P, "{Cục CSGT|Cuc CSGT|CSGT}: {phương tiện|xe} {biển số|BKS} {plate} {vi phạm|vi pham} {giao thông|vượt đèn đỏ|quá tốc độ} {ngày|ngay} {date}, {bị phạt nguội|phat nguoi} {small_amount}. {Tra cứu|Nộp phạt} {tại|} {csgt_url}", senders=("mobile", "csgt"), ascii_rate=0.5),
    Template("phishing.05", P, "{EVN|Dien luc|Điện lực} {thông báo|thong bao}: {quý khách|khach hang} {nợ tiền điện|chua thanh toan tien dien} {small_amount}, {sẽ bị|se bi} {cắt điện|ngung cap dien} {lúc|vao} {time} {hôm nay|ngay mai}. {Thanh toán|Lien he} {evn_url} {hoặc gọi|hoac} {phone}", senders=("mobile", "evn"), ascii_rate=0.6),
    Template("phishing.06", P, "{Bộ Công an|Cong an|BCA}: {tài khoản|tai khoan} {VNeID|dinh danh dien tu} {của công dân|cua ban} {sắp bị khóa|chua xac thuc muc 2|bi loi}. {Cập nhật|Cap nhat|Tích hợp} {ngay tại|tai} {police_url} {trước|truoc} {date}", senders=("mobile", "police"), ascii_rate=0.5),
    Template("phishing.07", P, "{Cục Thuế|Co quan thue|Chi cuc thue}: {ông/bà|quy khach} {có khoản|duoc} {hoàn thuế|hoan thue TNCN} {small_amount}, {cài đặt|tải} {ứng dụng|app} {eTax Mobile|Thuế điện tử} {tại|qua} {tax_url} {để nhận|de nhan}", senders=("mobile", "tax"), ascii_rate=0.5),
    Template("phishing.08", P, "{carrier}: {đơn hàng|don hang|buu pham} {order} {giao không thành công|khong giao duoc} do {sai địa chỉ|dia chi khong ro}. {Cập nhật|Vui long cap nhat} {địa chỉ|dia chi} {trong 24h|hom nay} {tại|} {carrier_url}", senders=("mobile", "carrier"), ascii_rate=0.6),
    Template("phishing.09", P, "{carrier}: {kiện hàng|buu kien} {order} {của bạn|cua quy khach} {đang bị giữ|bi tam giu} {tại kho|o kho}, {phí|phi} {lưu kho|luu kho} {small_amount}. {Thanh toán|Xac nhan} {carrier_url}", senders=("mobile", "carrier"), ascii_rate=0.6),
    Template("phishing.10", P, "{BHXH|Bao hiem xa hoi}: {quý khách|ban} {đủ điều kiện|da du dieu kien} {nhận|nhan} {tiền hỗ trợ|tro cap} {thất nghiệp|BHTN} {amount}. {Bấm|Nhan} {vào|} {bhxh_url} {để nhận|de lay}. {Quá hạn sẽ không được chấp nhận|QUA HAN SE KHONG DUOC CHAP NHAN}!", senders=("mobile", "bhxh"), ascii_rate=0.6),
    Template("phishing.11", P, "{bank} {thông báo|TB}: {điểm thưởng|diem} {tích lũy|tich luy} {của quý khách|} {sắp hết hạn|het han} {ngày|} {date}, {đổi|doi} {ngay|} {small_amount} {tại|} {bank_url}", senders=("mobile", "bank"), ascii_rate=0.6),
    Template("phishing.12", P, "{Chúc mừng|Chuc mung} {tài khoản|TK} {bank} {của|cua} {quý khách|ban} {được|duoc} {nâng hạn mức|tang han muc} {thẻ tín dụng|the} {lên|len} {big_amount}. {Kích hoạt|Xac nhan} {trước|truoc} {time} {tại|} {bank_url}", senders=("mobile", "bank"), ascii_rate=0.6),
    Template("phishing.13", P, "{operator}: {thue bao|số thuê bao} {cua quy khach|của bạn} {se bi khoa 2 chieu|sẽ bị khóa} {trong 24h|sau 24 giờ} do {chua chuan hoa|chưa cập nhật} {thong tin|CCCD}. {Cap nhat|Chuẩn hóa} {tai|} {operator_url}", senders=("mobile", "operator"), ascii_rate=0.6),
    Template("phishing.14", P, "{Công an|Cong an} {phường|quan} {place} {thông báo|moi}: {ông/bà|anh/chi} {có liên quan|lien quan} {vụ án|ho so} {rửa tiền|lua dao}, {liên hệ|goi} {cán bộ|dong chi} {agent} {phone} {để hợp tác|de lam viec} {trong ngày|gap}", ascii_rate=0.5),

    # --- scams: jobs/CTV, prizes via premium short codes, investment, fake acquaintances ---
    Template("scam.01", S, "{Tuyển|Tuyen|Cần tuyển} {CTV|cộng tác viên|nhân viên} {online|làm tại nhà} {làm việc|lam} {trên điện thoại|bang dien thoai}, {10-30 phút/ngày|rảnh 1-2h/ngày}, {thu nhập|luong} {small_amount} - {small_amount_2}/ngày. {Kết bạn|Ket ban|LH} Zalo {phone}", ascii_rate=0.6),
    Template("scam.02", S, "{Xin chào|Chao ban}, {mình|em} {là|la} {nhân sự|HR|tuyen dung} {của|ben} {service}, {cần tuyển|tuyen} {người|ban} {đặt đơn|like video|danh gia san pham} {hoa hồng|nhan hoa hong} {percent}, {nhận lương|thanh toan} {ngay|trong ngay}. {Liên hệ|LH} {telegram}", ascii_rate=0.5),
    Template("scam.03", S, "{Chuc mung|Chúc mừng} {thue bao|TB|số} {phone_plain} {da trung|trúng} {giai|giải} {nhat|đặc biệt} {chuong trinh|CT} {tri an|tri ân} {khach hang|} {operator}: {1 xe SH|iPhone 16 Pro Max|{big_amount}}. {Soan|Soạn} {DK|NHAN|XN} {gui|gửi} {shortcode} {de nhan|nhan thuong}", senders=("mobile", "shortcode"), ascii_rate=0.7),
    Template("scam.04", S, "{Chúc mừng|Chuc mung} {quý khách|ban} {may mắn|} {được chọn|duoc chon} {quay số|quay thuong} {trúng|nhan} {big_amount} {và|} {Ipad|iPhone|xe Vision}. {Soạn|Soan} {TT|NT|QUA} {gửi|gui} {shortcode} {để|de} {nhận giải|xac nhan}", senders=("shortcode",), ascii_rate=0.7),
    Template("scam.05", S, "{Đầu tư|Dau tu} {tiền số|coin|vàng|ngoại hối|chung khoan} {cùng chuyên gia|theo tin hieu}, {lợi nhuận|loi nhuan} {percent}/{tháng|tuần|ngày}, {cam kết|bao} {không lỗ|hoan von}. {Vào nhóm|Tham gia} {Zalo|Telegram} {telegram} {hoặc|} {url}", ascii_rate=0.6),
    Template("scam.06", S, "{Em|E} {là|la} {bạn|ban} {của|cua} {first} {đây|day}, {anh|a|chi} {cho em|cho e} {mượn|muon} {small_amount} {gấp|gap} {chút|ti} {chuyển khoản|CK} {vào|qua} {bank} {account} {tên|ten} {name}, {tối em trả|mai e tra}", ascii_rate=0.5),
    Template("scam.07", S, "{Shop|Cửa hàng} {service} {tuyển|tuyen} {nhân viên|NV} {xử lý đơn|tang tuong tac}, {ứng|ung} {trước|} {small_amount} {hoàn tiền|hoan tra} {kèm|+} {hoa hồng|HH} {percent}. {Nhắn|Nhan} {Zalo|ZL} {phone} {gặp|gap} {agent}", ascii_rate=0.5),
    Template("scam.08", S, "{Bạn|Ban} {có|co} {small_amount} {tiền thưởng|qua tang} {từ|tu} {service} {sắp hết hạn|het han} {hôm nay|TOI NAY}. {Nhận|Nhan} {ngay|} {tại|} {url} {{tag}|}", ascii_rate=0.6),
    Template("scam.09", S, "{Mẹ|Me|Bố} {ơi|oi} {con|c} {đổi|doi} {số|so} {mới|moi} {rồi|roi}, {điện thoại|dt} {hỏng|hong}. {Chuyển|Gui} {cho con|gap cho con} {small_amount} {vào|qua} {bank} {account} {nhé|nha}, {con|c} {cần gấp|dang can gap}", ascii_rate=0.5),
    Template("scam.10", S, "{Việc nhẹ lương cao|Viec nhe luong cao}: {tuyển|tuyen} {lao động|lao dong} {đi|di} {Campuchia|Nhat|Han Quoc|Dai Loan}, {lương|luong} {big_amount}/thang, {bao|bao an o}, {không cần|khong can} {kinh nghiệm|ngoai ngu}. {LH|Zalo} {phone}", ascii_rate=0.6),
    Template("scam.11", S, "{Hoàn|Hoan|Thu hồi} {tiền|tien} {bị lừa|bi lua dao} {online|qua mang} {100%|nhanh}, {hỗ trợ|ho tro} {bởi|boi} {luật sư|cong an|chuyen gia} {agent}. {Liên hệ|LH} {phone} {hoặc|} {url}", ascii_rate=0.6),
    Template("scam.12", S, "{Chương trình|CT} {quà tặng|tri an} {service}: {bạn|ban} {nhận|nhan} {1 lượt|1 luot} {quay thưởng|quay so} {miễn phí|mien phi}, {giải thưởng|giai thuong} {big_amount}. {Quay|Tham gia} {tại|} {url}", ascii_rate=0.6),
    Template("scam.13", S, "{Nhóm|Group} {kín|VIP} {chốt lãi|tin hieu} {chứng khoán|crypto|vàng} {của|cua} {thầy|chuyen gia} {name}: {lãi|loi} {percent} {mỗi tuần|1 tuan}, {miễn phí|free} {7 ngày|dau}. {Vào|Join} {telegram}", ascii_rate=0.6),

    # --- SIM sales: "beautiful" numbers, pre-activated SIMs (illegal) ---
    Template("sim_sale.01", SIM, "{Sim so dep|Sim dep|SIM VIP} {gia re|gia goc}: {sim_list} {gia|} {small_amount}/{sim|so}. {LH|L/he|Goi} {phone}", ascii_rate=1),
    Template("sim_sale.02", SIM, "{Bán|Ban} {sim|SIM} {kích hoạt sẵn|kich hoat san|da kich hoat} {Viettel|Vina|Mobi|4G} {số lượng lớn|SL lon}, {chính chủ|chinh chu} {sẵn|san}, {nghe gọi|nghe goi} {ngay|luon}. {Zalo|LH} {phone}", ascii_rate=0.6),
    Template("sim_sale.03", SIM, "{sim_list} {1sim|1 sim|moi so}={small_amount} {L/he|LH|lh}: {phone}", ascii_rate=1),
    Template("sim_sale.04", SIM, "{Sim|SIM} {4G|5G} {data khủng|data khung|max data} {60GB|120GB|4GB/ngay} {không cần nạp|khong can nap tien} {12 tháng|1 nam}, {giá|gia} {small_amount}, {freeship|giao tan noi}. {Đặt|Dat} {tại|} {url} {hoặc|} {phone}", ascii_rate=0.6),
    Template("sim_sale.05", SIM, "{Thu mua|Thu mua} {sim|SIM} {số đẹp|so dep} {giá cao|gia cao}, {bán|ban} {sim|} {tam hoa|tu quy|than tai|loc phat} {rẻ|re}: {sim_list}. {Alo|LH} {phone}", ascii_rate=0.5),
    Template("sim_sale.06", SIM, "{Cung cấp|Cung cap} {sim|SIM} {rác|rac|ao} {đã đăng ký|dang ky san} {thông tin|TTTB}, {nhận|nhan} {OTP|ma} {các app|Zalo, Facebook, ngan hang}, {giá sỉ|gia si}. {Telegram|Tele} {telegram}", ascii_rate=0.5),
    Template("sim_sale.07", SIM, "{Sim|SIM} {năm sinh|nam sinh|ngay sinh} {19xx|20xx|theo yeu cau}, {sim|} {phong thủy|phong thuy} {hợp mệnh|hop menh}: {sim_list}. {Giá|Gia} {từ|} {small_amount}. {Zalo|LH} {phone}", ascii_rate=0.5),
    Template("sim_sale.08", SIM, "{SIM|Sim} {du lich|quoc te} {va|+} {sim|} {trang|chua dang ky} {so luong lon|SL lon}, {kich hoat|ban} {san|ngay} {khong can|ko can} CCCD. {LH|Zalo} {phone} {{tag}|}", ascii_rate=1),
    Template("sim_sale.09", SIM, "{Bán|Ban} {gấp|gap} {sim|} {tứ quý|tu quy|ngu quy} {0000|6666|8888|9999} {giá|gia} {amount} {thương lượng|TL}, {sang tên|sang ten} {chính chủ|chinh chu}. {LH|Goi} {phone}", ascii_rate=0.5),
    Template("sim_sale.10", SIM, "{operator} {sim|SIM} {so dep|dep}: {sim_list} {==>|-}{small_amount}. {Mien phi|Free} {giao|ship} {tan nha|toan quoc}. {LH|Lh} {phone}", ascii_rate=1),
    Template("sim_sale.11", SIM, "{Sim|SIM} {ghep|ghép} {gói|goi} {cuoc|cước} {data|4G}, {kich hoat san|kích hoạt sẵn} {1000 sim|so luong lon} {cho|danh cho} {shop|dai ly}, {chiet khau|chiết khấu} {percent}. {LH|Zalo} {phone}", ascii_rate=0.4),
    Template("sim_sale.12", SIM, "{Can ban|Cần bán} {sim|SIM} {loc phat|lộc phát|than tai} {sim_list}, {gia|giá} {small_amount} {moi so|/so}, {ai can|ai cần} {inbox|alo} {phone}", ascii_rate=0.4),

    # --- adult and dating lures ---
    Template("adult.01", A, "{Em|E} {mới|moi} {đến|ve} {place}, {buồn|buon} {quá|qua}, {anh|a} {rảnh|ranh} {không|ko} {nhắn|nhan} {em|e} {nhé|nhe}: Zalo {phone} {❤️|😘|}", ascii_rate=0.6),
    Template("adult.02", A, "{Hẹn hò|Hen ho} {kín đáo|kin dao|bi mat} {với|voi} {gái xinh|hot girl|em sinh vien} {place}, {xác thực|xac thuc} {100%|}, {không cọc|ko coc}. {Xem ảnh|Xem anh} {tại|} {url}", ascii_rate=0.6),
    Template("adult.03", A, "{Massage|Mat xa} {thư giãn|thu gian} {cao cấp|VIP} {tại|tai} {street}, {place}: {nhân viên|em} {trẻ đẹp|tre dep}, {phục vụ|phuc vu} {tận tình|tan phong}. {Đặt lịch|Dat} {phone}", ascii_rate=0.6),
    Template("adult.04", A, "{Anh oi|A oi|Hi anh}, {em|e} {la|} {first} {day|nha}, {tim|kiem} {ban trai|nguoi yeu|ban tam su} {toi nay|cuoi tuan}. {Ket ban|Add} {Zalo|Tele} {phone} {nhe|nha} {{tag}|}", ascii_rate=1),
    Template("adult.05", A, "{Phòng|Phong} {live|chat} {18+|nóng} {miễn phí|free} {đêm nay|dem nay}, {hàng trăm|1000+} {idol|em} {đang online|online}. {Vào xem|Xem ngay} {short_url}", ascii_rate=0.6),
    Template("adult.06", A, "{Em|E} {gui|gửi} {anh|a} {anh|ảnh|video} {nong|nóng} {roi do|rồi đó}, {xem|mo} {tai|tại} {short_url} {nhe|nha} {😘|}", ascii_rate=0.4),
    Template("adult.07", A, "{App|Ứng dụng} {hẹn hò|hen ho} {số 1|so 1}: {hơn|tren} {10.000|50.000} {hội viên|nu} {quanh|o} {place}, {gặp mặt|gap} {trong ngày|toi nay}. {Tải|Tai} {url}", ascii_rate=0.6),
    Template("adult.08", A, "{Thuốc|Thuoc} {tăng cường|tang cuong} {sinh lý|sinh ly} {nam|} {nhập khẩu|Nhat|My}, {hiệu quả|hieu qua} {sau 15 phút|ngay lan dau}, {giao|ship} {kín|kin} {toàn quốc|}. {LH|Zalo} {phone}", ascii_rate=0.6),
    Template("adult.09", A, "{Sugar baby|Sugar daddy} {tìm|tim} {bạn|ban} {place}: {hỗ trợ|ho tro} {amount}/{tháng|thang}, {gặp|gap} {cuối tuần|2 buoi/tuan}. {Inbox|Nhan} {telegram}", ascii_rate=0.6),
    Template("adult.10", A, "{Chao|Chào} {anh|a}, {em|e} {thay|thấy} {anh|a} {tren|trên} {Facebook|Zalo|Tinder}, {muon|muốn} {lam quen|làm quen}, {nhan|nhắn} {em|e} {qua|} {Zalo|Tele} {phone} {nha|nhé}", ascii_rate=0.3),
    Template("adult.11", A, "{Karaoke|KTV} {tay vin|tay vịn} {place}: {nhân viên|NV} {xinh|dep} {mới về|moi ve}, {giảm|giam} {percent} {hôm nay|toi nay}. {Đặt phòng|Dat phong} {phone}", ascii_rate=0.6),
    Template("adult.12", A, "{Truyện|Phim|Video} {người lớn|18+} {mới nhất|moi nhat} {không che|khong che}, {xem|tai} {miễn phí|mien phi} {tại|} {short_url} {{tag}|}", ascii_rate=0.6),

    # --- unlawful advertising: no [QC] label, no opt-out, from a subscriber number ---
    Template("advertising.01", AD, "{Mở bán|Mo ban|Chính thức mở bán} {căn hộ|can ho|shophouse|đất nền} {project} {tại|tai} {place}, {giá chỉ từ|gia tu} {house_price}, {chiết khấu|CK} {discount}. {Gọi|LH|Hotline} {agent} {phone} {xem nhà mẫu|tham quan nha mau|}", ascii_rate=0.6),
    Template("advertising.02", AD, "{Đất nền|Dat nen} {sổ đỏ|so do} {riêng|rieng} {place}, {giá|gia} {house_price}{/lô|/nen|}, {ngân hàng hỗ trợ|NH ho tro} {discount}. {LH|Alo} {phone} {{agent}|}", ascii_rate=0.6),
    Template("advertising.03", AD, "{Bảo hiểm|Bao hiem} {nhân thọ|sức khỏe|o to} {chi tu|chỉ từ} {small_amount}/{tháng|ngay}, {bảo vệ|bao ve} {lên đến|toi} {big_amount}. {Tư vấn|Tu van} {miễn phí|} {agent} {phone}", ascii_rate=0.6),
    Template("advertising.04", AD, "{Khóa học|Khoa hoc} {course} {cấp tốc|cap toc|online}, {cam kết|cam ket} {đầu ra|dau ra}, {giảm|giam} {discount} {học phí|hoc phi} {tháng này|den {date}}. {Đăng ký|Dang ky} {url} {hoặc|} {phone}", ascii_rate=0.5),
    Template("advertising.05", AD, "{Spa|SPA|Thẩm mỹ viện} {tại|o} {street}: {triệt lông|tri mun|tắm trắng|phun môi} {giảm|giam} {discount}, {tặng|tang} {liệu trình|lieu trinh} {small_amount}. {Đặt lịch|Dat lich} {phone}", ascii_rate=0.5),
    Template("advertising.06", AD, "{Thanh lý|Thanh ly|Xả kho} {điều hòa|tủ lạnh|đồ gia dụng|quần áo} {giá|gia} {rẻ|goc}, {giảm|giam} {đến|toi} {discount}, {tại|} {street} {place}. {Alo|LH} {phone}", ascii_rate=0.5),
    Template("advertising.07", AD, "{Lắp mạng|Lap mang} {cáp quang|internet} {wifi|} {operator} {chỉ|chi} {small_amount}/{tháng|thang}, {miễn phí|mien phi} {lắp đặt|lap dat} {modem|}, {tặng|tang} {thêm|} {2|3} {tháng|thang}. {LH|Goi} {phone} {agent}", ascii_rate=0.6),
    Template("advertising.08", AD, "{Nha khoa|Nhà khoa} {tại|} {place}: {niềng răng|nieng rang|bọc sứ|implant} {trả góp|tra gop} 0%, {giảm|giam} {discount}. {Hotline|LH} {phone}", ascii_rate=0.5),
    Template("advertising.09", AD, "{Dạy|Day} {lái xe|lai xe} {B2|hạng B|o to} {trọn gói|tron goi} {small_amount}, {học|hoc} {nhanh|cap toc}, {thi|} {đỗ|do} {cao|}. {LH|Goi} {agent} {phone}", ascii_rate=0.6),
    Template("advertising.10", AD, "{Vé máy bay|Ve may bay} {giá rẻ|gia re|khuyen mai} {đi|} {{place}|Phu Quoc|Da Nang|Ha Noi} {chỉ từ|tu} {small_amount}, {đặt|dat} {ngay|} {hôm nay|}. {LH|Zalo} {phone}", ascii_rate=0.5),
    Template("advertising.11", AD, "{Mỹ phẩm|My pham|Thuc pham chuc nang} {chính hãng|nhap khau} {giảm|sale} {discount}, {mua 2 tặng 1|freeship}, {chỉ|} {hôm nay|den {date}}. {Đặt hàng|Order} {url} {{phone}|}", ascii_rate=0.5),
    Template("advertising.12", AD, "{Cho thuê|Cho thue} {xe tự lái|ô tô tự lái|văn phòng|nhà nguyên căn|căn hộ dịch vụ} {tại|} {place}, {giá|} {từ|} {small_amount}/{ngày|thang}. {Liên hệ|LH} {phone} {{agent}|}", ascii_rate=0.6),
    Template("advertising.13", AD, "{Tuyển sinh|Tuyen sinh} {đại học|lien thong|van bang 2|thac si} {hệ từ xa|online|vừa làm vừa học}, {không thi|xet hoc ba}, {nhận bằng|nhan bang} {chính quy|} {sau 2 năm|nhanh}. {LH|Tu van} {phone}", ascii_rate=0.5),

    # --- HAM: personal chat ---
    Template("ham.chat.01", H, "{{first} ơi|Ơi|Alo} {tối nay|chiều nay|mai} {đi|ăn} {food} {không|ko|k}? {Chỗ|Quán} {ở|} {street} {nhé|nha|á}", ascii_rate=0.25),
    Template("ham.chat.02", H, "{Anh|Em|Chị|Mình|Tớ} {đang|} {trên đường|tắc đường|sắp} {về|đến|tới} {rồi|}, {khoảng|tầm|chừng} {10|15|20|30} {phút|p} {nữa|} {nhé|nha|nhe}", ascii_rate=0.3),
    Template("ham.chat.03", H, "{Ok|Oke|Ừ|Uh|Dạ} {em|anh|chị|c|a|e|} {{nhé|nha}|}{.|!|:D|}", ascii_rate=0.2),
    Template("ham.chat.04", H, "{Mẹ|Bố|Con|Em} {ơi|} {{nhớ|} mua|lấy} {giúp|hộ|} {con|em|anh} {ít|} {rau|sữa|thuốc|bánh mì|trứng} {nhé|với|nha}{, {tối|chiều} {về|qua} {lấy|ăn}|}", ascii_rate=0.3),
    Template("ham.chat.05", H, "{Họp|Buổi họp|Lịch họp} {chuyển|dời|đổi} {sang|qua} {time} {{thứ {2|3|4|5|6}}|mai|chiều nay} {nhé|nha|}{, {phòng|ở} {201|302|họp lớn|tầng 3}|}", ascii_rate=0.3),
    Template("ham.chat.06", H, "{Chúc mừng sinh nhật|Happy birthday|Chúc mừng SN|HPBD} {{first}|bạn|em|anh|chị}! {Chúc|Chúc {em|bạn|anh|chị}} {luôn vui|mạnh khỏe|thành công|xinh đẹp} {và {hạnh phúc|may mắn}|}{ nhé|}{ ❤️| 🎂|}", ascii_rate=0.3),
    Template("ham.chat.07", H, "{Em|Mình|Tớ} {gửi|chuyển} {rồi|xong rồi} {nhé|nha}, {{small_amount}|tiền {ăn|nhà|điện}} {qua|vào} {{bank}|tk} {ạ|}{. {Check|Kiểm tra} {giúp|hộ} {em|mình}|}", ascii_rate=0.3),
    Template("ham.chat.08", H, "{Tối nay|Mai|Cuối tuần} {{cả nhà|mọi người} |}{về|qua} {nhà|bên} {bà|ông bà|nội|ngoại} {ăn cơm|ăn giỗ|chơi} {nhé|nha}{, {nhớ|} {mang|cầm} {theo|} {quà|bánh|hoa quả}|}", ascii_rate=0.3),
    Template("ham.chat.09", H, "{Anh|Em|Chị|Bạn} {ơi|} {gửi|gửi lại} {cho|} {em|mình|anh} {file|báo cáo|ảnh|slide} {hôm qua|lúc sáng|buổi họp} {với|nhé|nha}{, {cần|cần gấp} {trước|} {time}|}", ascii_rate=0.3),
    Template("ham.chat.10", H, "{Cháu|Con|Em} {đến|tới} {nơi|nhà|trường} {rồi|an toàn rồi} {ạ|nhé|nha}{, {bà|mẹ|bố|anh} {đừng lo|yên tâm} {nhé|ạ}|}", ascii_rate=0.3),
    Template("ham.chat.11", H, "{Lớp|Nhóm|Team} {mình|} {{học|họp} bù|đá bóng|đi ăn|liên hoan} {vào|} {time} {thứ {2|3|4|5|6|7}|chủ nhật|mai} {ở|tại} {{street}|phòng B{1|2|3}.0{1|2|5}|sân trường}{, {ai|bạn nào} {bận|không đi được} {báo|nhắn} {mình|tớ} {nhé|nha}|}", ascii_rate=0.3),
    Template("ham.chat.12", H, "{Hnay|Hôm nay|Nay} {e|em|a|anh} {về|đi làm} {muộn|trễ|sớm} {nha|nhé|á}, {ko|k|không} {cần|phải} {chờ|đợi} {cơm|e|a} {đâu|}", ascii_rate=0.5),
    Template("ham.chat.13", H, "{Số|Stk|STK} {tài khoản|} {của|} {em|mình|anh}: {account} {bank} {name}{. {Anh|Chị|Bạn} {chuyển|ck} {giúp|hộ} {nhé|nha}|}", ascii_rate=0.4),
    Template("ham.chat.14", H, "{Đơn|Hàng} {shopee|lazada|của {anh|em}} {để|gửi} {ở|tại} {cổng|bảo vệ|lễ tân|quầy} {rồi|} {nhé|nha}{, {lấy|nhận} {trước|} {time}|}", ascii_rate=0.3),
    Template("ham.chat.15", H, "{Thầy|Cô} {ơi|} {em|con} {xin|} {phép|} {nghỉ|vắng} {buổi|tiết} {hôm nay|chiều nay|mai} {vì|do} {bị ốm|có việc gia đình|đi khám} {ạ|}{. Em cảm ơn ạ|}", ascii_rate=0.2),

    Template("ham.chat.19", H, "{Chưa|Rồi|Ok|Oke|Uk|Ừ|Dạ|Vâng|Hihi|Hjx|Thôi|Được|Ko|Hả|Sao thế|Thật á|Chắc vậy|Biết rồi|Đợi tí} {ạ|à|nhé|nha|đấy|mà|á|}{ {em|anh|chị|c|a|e|m|t}|}{ :D| :(| >.<| =))| -_-| :))|}", ascii_rate=0.3),
    Template("ham.chat.20", H, "{{first}|Ê|Ơi|Bạn|Anh|Em} {đang|đã|sắp} {ở đâu|làm gì|ăn chưa|ngủ chưa|đi chưa|về chưa|xong chưa} {thế|đấy|vậy|}{?|??|}", ascii_rate=0.35),
    Template("ham.chat.21", H, "{Mai|Chiều nay|Tối nay|Cuối tuần} {t|tớ|mình|e|a|c} {bận|có việc|đi học|đi làm|về quê|thi|trực} {rồi|mà|}{, {hẹn|để} {hôm khác|tuần sau|mai} {nhé|nha}|}", ascii_rate=0.35),
    Template("ham.chat.22", H, "{Anh|Em|Mình|Tớ} {đặt|mua|lấy} {vé|bàn|đồ ăn|{food}} {chưa|rồi đấy|xong rồi}{?|.|} {{time}|Mấy giờ|Lúc nào} {đi|gặp|qua} {thế|nhỉ|nhé}{?|}", ascii_rate=0.35),
    Template("ham.chat.23", H, "{Số|Sđt|So} {của|} {chị|anh|cô|bạn} {first} {đây|nhé|nè}: {phone}", ascii_rate=0.4),
    Template("ham.chat.24", H, "{Nhà|Phòng|Lớp} {mình|tớ|em} {mất điện|mất nước|hỏng wifi|được nghỉ} {rồi|từ sáng|cả ngày}{, {chán|mệt} {quá|ghê}|}{ :(| huhu|}", ascii_rate=0.35),
    Template("ham.otp.05", H, "{Your {service} verification code is {code}|{code} is your {service} code|Use {code} to verify your {service} account|{service}: your code is {code}}{. Don't share it with anyone|. It expires in {5|10} minutes|}.", senders=("service",), ascii_rate=0),
    Template("ham.bank.05", H, "{The|Thẻ} {bank} {Visa|MasterCard|JCB} {4|5}{1|2|5}{2|4|6}{0|3|8}...{code} {su dung tai|sử dụng tại} {shop|GOOGLE PLAY|APPLE.COM|SHOPEE|GRAB} {so tien|số tiền} {small_amount} {luc|lúc} {time} {date}.", senders=("bank",), ascii_rate=0.7),
    Template("ham.school.01", H, "{Trường|Truong} {ĐH|DH|Đại học} {school} {chúc mừng|thông báo} {thí sinh|bạn} {name} {đã trúng tuyển|đủ điều kiện trúng tuyển|đã đăng ký xét tuyển thành công}. {Xác nhận nhập học|Tra cứu kết quả|Nhập học} {từ {date} đến {date_2}|trước {date}} tại {cổng tuyển sinh của trường|trang tuyển sinh}.", senders=("mobile",), ascii_rate=0.5),
    Template("ham.school.02", H, "{Truong|Trường} {DH|ĐH} {school} {thong bao|thông báo} {lich hoc|lịch học|lịch thi|nghỉ học} {mon|môn} {Toán cao cấp|Vật lý|Kinh tế vi mô|Lập trình C|Tiếng Anh 2} {vao|vào} {thu {2|3|4|5|6}|{date}}, {Tiet|Tiết} {1,2,3|4,5,6|7,8,9}, {Phong|Phòng} {A|B|C}{1|2|3}.{0|1}{1|2|5}. {Chi tiet|Chi tiết} {LH|liên hệ} {hotline}", senders=("mobile",), ascii_rate=0.6),

    # --- HAM: one-time passwords ---
    Template("ham.otp.01", H, "{Ma OTP|Mã OTP|Ma xac thuc|Mã xác thực} {cua ban|của bạn|cua Quy khach} {la|là} {code}. {Ma co hieu luc trong|Hiệu lực} {2|3|5} {phut|phút}. {Khong chia se|Không chia sẻ|TUYET DOI KHONG cung cap} {ma nay|mã này} {voi bat ky ai|cho bất kỳ ai}.", senders=("service", "bank"), ascii_rate=0.5),
    Template("ham.otp.02", H, "{service}: {{code} la ma xac minh cua ban|Ma xac minh cua ban la {code}|Your verification code is {code}}. {Khong chia se ma nay|Do not share this code}{ voi bat ky ai|}.", senders=("service",), ascii_rate=1),
    Template("ham.otp.03", H, "{bank}: {Ma OTP|OTP} {giao dich|GD} {chuyen tien|thanh toan} {small_amount} {la|} {code}. {Tuyet doi|} {KHONG|khong} {cung cap|chia se} OTP {cho bat ky ai|cho nguoi khac}{, ke ca nhan vien ngan hang|}.", senders=("bank",), ascii_rate=1),
    Template("ham.otp.04", H, "{Sử dụng|Dùng|Nhập} mã {xác minh|} {code} {để|de} {xác thực|đăng nhập|đặt lại mật khẩu} {service}{. Mã hết hạn sau {5|10} phút|}.", senders=("service",), ascii_rate=0.3),

    # --- HAM: bank balance notifications (the same vocabulary as bank phishing) ---
    Template("ham.bank.01", H, "{bank}: TK {account} {|thay doi }{-|+}{small_amount} {luc|} {time} {date}. {So du|SD} {amount}. {ND|Noi dung}: {CHUYEN TIEN|{name} chuyen tien|TT hoa don|THANH TOAN QR|{first} CK}", senders=("bank",), ascii_rate=1),
    Template("ham.bank.02", H, "{So du TK|SD TK} {bank} {account} {thay doi|bien dong} {-|+}{small_amount} {luc|} {date} {time}. SD: {amount}. Ref {code}{.{ND: {name} {chuyen khoan|ck}|}|}", senders=("bank",), ascii_rate=1),
    Template("ham.bank.03", H, "{bank} {thông báo|TB}: {Quý khách|QK} {đã|} {thanh toán|chi tiêu} {small_amount} {tại|} {shop} {lúc|} {time} {date}{. Nếu không phải {Quý khách|QK} thực hiện, {gọi|LH} {hotline} {ngay|}|}.", senders=("bank",), ascii_rate=0.5),
    Template("ham.bank.04", H, "{bank}: {Quy khach|QK} {da|} {doi mat khau|dang nhap} {{bank} Online|Mobile Banking} {thanh cong|} {luc|} {time} {date}. {Neu khong phai Quy khach|Khong phai QK?}, {vui long|} {goi|LH} {hotline} {ngay|de duoc ho tro}. {bank} khong bao gio yeu cau cung cap OTP.", senders=("bank",), ascii_rate=1),

    # --- HAM: operators' own notices (not spam by law) ---
    Template("ham.operator.01", H, "{operator}: {Quy khach|QK} {da dang ky|dang ky} {thanh cong|} {goi|goi cuoc} {ST{5|10|15|30}K|MI{10|30|90}|D{15|30|120}|V{90|120}}: {small_amount}/{ngay|thang}{, {co|duoc} {1|2|4}GB/ngay|}. {Chi tiet|LH} {hotline}{ (0d)|}.", senders=("operator",), ascii_rate=0.4),
    Template("ham.operator.02", H, "{(TB)|[TB]|TB} {operator} {tang|tặng} {percent} {gia tri|giá trị} {the nap|thẻ nạp} {khi|} {nap the|nạp tiền} {HOM NAY|hôm nay} {date}{, {KM|khuyến mại} {su dung|dùng} {goi/nhan tin|} {trong|} {15|30} {ngay|ngày}|}. {LH|Chi tiết} {hotline}.", senders=("operator",), ascii_rate=0.5),
    Template("ham.operator.03", H, "{Tai khoan|Tài khoản} {cua Quy khach|của Quý khách} {da duoc|đã được} {nap|nạp} {small_amount} {luc|lúc} {time} {date}. {Ma giao dich|Mã GD} {code}. {CSKH|LH} {hotline} {(0d)|(miễn phí)}. {Tran trong cam on!|Trân trọng.|}", senders=("operator",), ascii_rate=0.5),
    Template("ham.operator.04", H, "{operator}: {Cuoc|Cước} {thang|tháng} {{1|2|3|4|5|6|7|8|9|10|11|12}/2025|truoc} {cua thue bao|của TB} {la|là} {small_amount}. {Vui long|Quý khách vui lòng} {thanh toan|thanh toán} {truoc|trước} {date} {de tranh gian doan|để tránh gián đoạn} {dich vu|}. {Chi tiet|LH} {hotline}.", senders=("operator",), ascii_rate=0.5),

    Template("ham.operator.05", H, "{(TB)|[TB]} {KHUYẾN MẠI HÔM NAY!|ƯU ĐÃI CUỐI TUẦN!|NẠP THẺ ONLINE - DATA XÀI NGAY!|} {operator} {tặng|dành tặng} {20%|50%|30%} giá trị {tất cả|} thẻ nạp {vào tài khoản|} trong ngày {date}{, tiền KM sử dụng {gọi, nhắn tin nội mạng|truy cập Internet} trong {15|30} ngày|}. {Nạp online tại|Chi tiết tại} {operator_site}{. Trân trọng|}.", senders=("operator",), ascii_rate=0.4),
    Template("ham.operator.06", H, "{(CSKH)|(TB)} {operator} {kính chúc|chúc} Quý khách {ngày SINH NHẬT|năm mới|ngày lễ} {nhiều niềm vui và hạnh phúc|an khang, thịnh vượng|vui vẻ}! {operator} {kính tặng|tặng} Quý khách {100|200|500|1.000} điểm {để trải nghiệm các ưu đãi|đổi quà} {trên|tại} {app My{operator}|{operator_site}}.", senders=("operator",), ascii_rate=0.5),
    Template("ham.operator.07", H, "Gói {ST{5|10|15}K|MI{10|30|90}|V{90|120}|D{15|30}} đã {hủy gia hạn|hủy} thành công. Để biết các ưu đãi khác, {truy cập {operator_site}|bấm gọi *098#|soạn KM gửi 191 (0đ)}. {Chi tiết LH|LH} {198|9090|18001091} (0đ){. Trân trọng|}.", senders=("operator",), ascii_rate=0.5),
    Template("ham.operator.08", H, "Quý khách có {small_amount} trong tài khoản. {Bấm gọi|Bấm} *{098|091|090}*{3|5|9}# để có {1|3|5|15}GB {với|chỉ} {small_amount_2}/{3 ngày|7 ngày|30 ngày}{, miễn phí {gọi nội mạng|10 phút gọi}|}. {Chi tiết|LH} {hotline}.", senders=("operator",), ascii_rate=0.6),
    Template("ham.operator.09", H, "{(TB)|[TB]} Thời hạn sử dụng {quà tặng|gói} {1|2|5}GB Data từ {operator} đã hết. {Cước truy cập Internet sẽ tính theo quy định|Đăng ký gói mới để tiếp tục sử dụng} (chi tiết tại {operator_site}).", senders=("operator",), ascii_rate=0.5),
    Template("ham.wallet.01", H, "Bạn {có|đang có} quà {NẠP ĐIỆN THOẠI|HOÀN TIỀN|GIẢM GIÁ} {small_amount} trong {MoMo|ZaloPay|Viettel Money|VNPT Money}, hết hạn {date|TỐI MAI}. Mở Ví > ƯU ĐÃI > QUÀ CỦA TÔI {để dùng ngay|dùng ngay}!", senders=("service",), ascii_rate=0.6),
    Template("ham.wallet.02", H, "{Bạn|Quý khách} {đã|} {thanh toán|nạp tiền} {small_amount} {thành công|} {qua|bằng} {MoMo|ZaloPay|Viettel Money|VNPAY}{ lúc {time} {date}|}. Mã giao dịch {code}{, phí giao dịch 0 VND|}. Cảm ơn {bạn|Quý khách}!", senders=("service",), ascii_rate=0.6),
    Template("ham.notice.05", H, "{[TB]|(TB)} {CSGT|Ủy ban ATGT Quốc gia|Công an {place}} khuyến cáo: {Đã uống rượu bia thì không lái xe|Chạy xe hàng ba, lạng lách, đánh võng là hành vi nguy hiểm|Đội mũ bảo hiểm khi đi xe máy|Không sử dụng điện thoại khi lái xe}. {Hãy lái xe an toàn, văn minh!|Vì an toàn của chính bạn và cộng đồng.}", senders=("police", "operator"), ascii_rate=0.4),
    Template("ham.notice.06", H, "{[TB]|(TB)} {Hưởng ứng|Chào mừng} {Tháng hành động phòng, chống ma túy|Ngày Chuyển đổi số quốc gia 10/10|Ngày Pháp luật Việt Nam 9/11|Tháng hành động vì trẻ em}, {mỗi người dân|toàn dân} {hãy|} {tích cực tham gia|chung tay} {vì một cộng đồng an toàn|vì tương lai tốt đẹp}{ - {Bộ Công an|Bộ Y tế|UBND {place}}|}!", senders=("police", "operator"), ascii_rate=0.4),

    # --- HAM: delivery and utility notices ---
    Template("ham.delivery.01", H, "{carrier}: {Don hang|Đơn hàng} {order} {cua Quy khach|của bạn} {se duoc giao|đang được giao} {trong hom nay|trước {time}}. {Shipper|NV giao hàng} {name} - {phone_plain}{. Tra cuu {tai|} {carrier_site}|}", senders=("carrier",), ascii_rate=0.5),
    Template("ham.delivery.02", H, "{Shipper|Ship} {đây|day} {ạ|}, {em|e} {đang|} {ở|tới} {dưới|cổng|sảnh} {nhà|chung cư|công ty} {anh/chị|a/c|chị|anh} {rồi|}{, {đơn|đơn hàng} {small_amount} {ạ|}|}. {Anh/chị|A/c} {xuống|ra} {lấy|nhận} {giúp|hộ} {em|e} {nhé|ạ}", ascii_rate=0.4),
    Template("ham.delivery.03", H, "{utility} TB {tien dien|tiền điện} {ky|kỳ} {1|2} T{1|2|3|4|5|6|7|8|9|10|11|12}/25 {KH|Ma KH} PE{account} {LA|la} {small_amount}. {Vui long|} {thanh toan|TT} {truoc|trước} {date}. LH {hotline}", senders=("utility",), ascii_rate=0.5),
    Template("ham.delivery.04", H, "{shop}: {Đơn hàng|Don hang} {order} {đã được xác nhận|da xac nhan|đã giao thành công}{, tổng {small_amount}|}. {Cảm ơn|Cam on} {quý khách|ban} {đã mua sắm|da mua hang}{ tại {shop}|}!", senders=("shop",), ascii_rate=0.4),

    # --- HAM: public notices, schools, clinics (warnings about scams use the scammers' own words) ---
    Template("ham.notice.01", H, "{[TB]|(TB)|TB:} {Bộ Công an|Công an {place}|Cục An toàn thông tin} {cảnh báo|khuyến cáo}: {không|KHÔNG} {bấm vào|truy cập} {đường link|link} {lạ|không rõ nguồn gốc}, {không|KHÔNG} {cung cấp|chia sẻ} {mã OTP|mật khẩu|thông tin CCCD} {cho bất kỳ ai|qua điện thoại}. {Cơ quan công an|Ngân hàng} {không|không bao giờ} {yêu cầu|đề nghị} {chuyển tiền|cài ứng dụng} qua điện thoại.", senders=("police",), ascii_rate=0.4),
    Template("ham.notice.02", H, "{[TB]|(TB)} {Cảnh giác|Canh giac} {lừa đảo|lua dao}: {đối tượng|doi tuong} {giả danh|gia danh} {nhân viên {bank}|cán bộ thuế|điện lực|shipper} {gửi tin nhắn|gọi điện} {kèm|chứa} {đường link|link} {giả mạo|lạ}. {Báo|Phản ánh} {tin nhắn rác|tin rác|lừa đảo} {qua|về} {5656|156} {miễn phí|}.", senders=("operator", "police"), ascii_rate=0.4),
    Template("ham.notice.03", H, "{Trường|Truong} {THPT|THCS|Tiểu học} {street_name} {thông báo|thong bao}: {học sinh|các lớp} {nghỉ học|nghi hoc|học bù} {ngày|ngay} {date}{, {lý do|do} {thời tiết|bão|lịch thi}|}. {Phụ huynh|PH} {vui lòng|vui long} {theo dõi|xem} {thông báo|lich} {trên|tren} {app|nhóm Zalo lớp}.", senders=("mobile",), ascii_rate=0.5),
    Template("ham.notice.04", H, "{Phòng khám|Nha khoa|Bệnh viện} {first} {nhắc|xin nhắc} {lịch hẹn|lich tai kham} {của {anh/chị|quý khách}|} {lúc|vào} {time} {ngày|} {date}. {Quý khách|A/c} {vui lòng|} {đến đúng giờ|đến trước 15 phút}{, {hủy|đổi} lịch {gọi|LH} {hotline}|}.", ascii_rate=0.4),
    Template("ham.chat.16", H, "{Hôm qua|Hqua|Tuần trước} {đi|qua} {place} {vui|mệt} {ghê|quá|lắm}{, {lần sau|hôm nào} {đi|rủ} {cả nhóm|mọi người} {nữa|cùng} {nhé|nha}|}{ :))| haha|}", ascii_rate=0.3),
    Template("ham.chat.17", H, "{Cho|Cho em|Cho mình} {hỏi|hỏi chút} {mai|thứ {2|3|4|5|6}} {mấy giờ|mấy h} {{họp|học|đi}|} {vậy|thế|ạ}?", ascii_rate=0.3),
    Template("ham.chat.18", H, "{Nhớ|Nhớ là} {đóng|nộp} {tiền {học|nhà|điện nước}|học phí} {trước|hạn} {date} {nhé|nha}{, {tầm|khoảng|là} {small_amount}|}", ascii_rate=0.3),

    # --- HAM: LEGAL advertising: brandname, [QC]/(QC) label, opt-out at the end ---
    Template("ham.ad.01", H, "{[QC]|(QC)|QC} {operator}: {Co ngay|Có ngay} {1|2|4|6}GB/ngay {chi voi|chỉ với} {small_amount}/{thang|tháng}. {Dang ky|Đăng ký}, {soan|soạn} {MXH{100|120|150}|ST{15|30}K|DK V{90|120}} {gui|gửi} {191|9123|1543}. {LH|Chi tiết} {hotline}. {Tu choi QC|Từ chối QC}, {soan|soạn} TC {gui|gửi} {199|9123|1543}", senders=("operator",), ascii_rate=0.5),
    Template("ham.ad.02", H, "{[QC]|(QC)} {shop} {{SALE|GIẢM} {discount}|ưu đãi {discount}} {toàn bộ|tất cả|nhiều} {sản phẩm|mặt hàng} {từ|} {date}{ đến {date_2}|}{. Mua online {tại|} {service}|}. {Từ chối QC|Tu choi QC} {soạn|soan} TC {gửi|gui} {9{0|1|2|3}{1|2|5|8}{0|5|9}}", senders=("shop",), ascii_rate=0.4),
    Template("ham.ad.03", H, "{[QC]|(QC)} {bank}: {Mở thẻ tín dụng|Mo the tin dung|Vay tiêu dùng|Tiết kiệm online} {{hoàn tiền|hoan tien} {percent}|lãi suất ưu đãi|{miễn phí|mien phi} {năm đầu|thuong nien}}{, {đăng ký|dang ky} {trên|tren} app {bank}|}. {LH|Chi tiết} {hotline}. {Từ chối QC|Tu choi QC} {soạn|soan} TC {gửi|gui} {hotline}", senders=("bank",), ascii_rate=0.4),
    Template("ham.ad.04", H, "{[QC]|(QC)} {service} {tặng|tang} {bạn|ban} {mã giảm|voucher|ma giam} {small_amount} {cho|} {đơn|don} {{đầu tiên|dau tien}|từ {amount}}{, {hạn|HSD} {date}|}. {Từ chối QC|Tu choi QC}: {soạn|soan} TC {gửi|gui} {9{0|2|4}{1|3|8}{5|6|9}}", senders=("service",), ascii_rate=0.4),
    Template("ham.ad.05", H, "{[QC]|(QC)} {Khóa học|Khoa hoc} {course} {tại|} {{shop}|trung tâm {first}} {khai giảng|khai giang} {date}, {ưu đãi|giam} {discount} {học phí|hoc phi}. {ĐK|LH} {hotline}. {Từ chối QC|Tu choi QC} {soạn|soan} TC {gửi|gui} {9{0|1|3}{2|7}{0|8}}", senders=("shop",), ascii_rate=0.4),
)

# Reports of calls carry no message: what the reporter writes is what the caller said, in their
# own words. Used by the demo reports (:mod:`chanrac.synth.demo`).
# What reporters write about a spam call: what the caller said, in their words.
SPAM_CALL_TEMPLATES: tuple[Template, ...] = (
    Template("call.loan.01", L, "{Gọi|Cuộc gọi} {mời vay|chào vay} {tiền|tín chấp} {amount}, {xưng là|tự giới thiệu là} {nhân viên|tư vấn viên} {{bank}|công ty tài chính}{, {gọi|làm phiền} {nhiều lần|mấy ngày liền}|}", ascii_rate=0.3),
    Template("call.loan.02", L, "{Cuộc gọi tự động|Tổng đài tự động|Robocall} {mời vay|giới thiệu gói vay} {không thế chấp|chỉ cần CCCD}, {bấm phím 1|nhấn 1} để {được tư vấn|gặp nhân viên}", senders=("mobile", "hotline", "landline"), ascii_rate=0.3),
    Template("call.estate.01", AD, "{Gọi|Liên tục gọi} {quảng cáo|chào bán} {căn hộ|đất nền|shophouse} {project} {ở|tại} {place}{, {đã nói|tôi đã nói} không có nhu cầu {vẫn gọi|mà vẫn gọi lại}|}", ascii_rate=0.3),
    Template("call.insurance.01", AD, "{Gọi|Nhân viên gọi} {mời mua|tư vấn} bảo hiểm {nhân thọ|sức khỏe|xe máy} {của|bên} {{bank}|một công ty}{, {hỏi|đòi} thông tin cá nhân|}", ascii_rate=0.3),
    Template("call.course.01", AD, "{Gọi|Gọi điện} {mời|tư vấn} {học|đăng ký khóa học} {course}{, giảm {percent} học phí|}{, {ngày nào cũng gọi|gọi vào giờ làm việc}|}", senders=("mobile", "hotline", "landline"), ascii_rate=0.3),
    Template("call.telco.01", AD, "{Gọi|Cuộc gọi} {tự xưng|xưng là} {nhân viên|tổng đài} {operator} {mời|chào} {nâng cấp|đổi} {gói cước|SIM 5G|gói data}{, yêu cầu {đọc mã|cung cấp mã} {gửi về máy|OTP}|}", senders=("mobile", "hotline", "landline"), ascii_rate=0.3),
    Template("call.robocall.01", AD, "{Cuộc gọi tự động|Robocall|Ghi âm sẵn} {quảng cáo|giới thiệu} {spa|thẩm mỹ viện|mỹ phẩm|thuốc|khóa học}{, không có người nói chuyện|}{, gọi {lúc|vào} {time}|}", senders=("mobile", "hotline", "landline"), ascii_rate=0.3),
    Template("call.silent.01", AD, "{Số lạ|Số này} {gọi|nháy máy} {1 hồi|vài giây} rồi {tắt|cúp máy}{, {gọi lại thì|gọi lại} {bị trừ tiền|không ai nghe}|}", ascii_rate=0.4),
    Template("call.gambling.01", G, "{Gọi|Gọi điện} {mời|rủ} {chơi|tham gia} {game bài|cá cược|tài xỉu} {game}, {hứa|nói} {tặng|cho} {small_amount} {khi|nếu} {nạp|đăng ký}", ascii_rate=0.3),
    Template("call.stock.01", S, "{Gọi|Cuộc gọi} {mời|mời vào} {nhóm|group} {chứng khoán|đầu tư tiền ảo|đầu tư vàng} {lãi|lợi nhuận} {percent}/tháng, {bảo|yêu cầu} {kết bạn|kb} Zalo {phone}", ascii_rate=0.3),
)
# What reporters write about a scam call (the LD keyword).
SCAM_CALL_TEMPLATES: tuple[Template, ...] = (
    Template("scamcall.police.01", S, "{Tự xưng|Giả danh} {cán bộ|điều tra viên} công an {place}, {nói|bảo} tôi {liên quan|dính líu} {vụ án|đường dây} {rửa tiền|ma túy|lừa đảo}, {yêu cầu|bắt} {chuyển tiền vào tài khoản tạm giữ|cài ứng dụng VNeID giả|cung cấp mã OTP}", senders=("mobile", "police_number", "foreign_number"), ascii_rate=0.3),
    Template("scamcall.bank.01", P, "{Xưng|Tự nhận là} nhân viên {bank}, {nói|báo} {thẻ|tài khoản} {sắp bị khóa|bị trừ phí {small_amount}}, {đề nghị|yêu cầu} {đọc mã OTP|bấm vào đường link|cài app hỗ trợ}", ascii_rate=0.3),
    Template("scamcall.delivery.01", P, "{Gọi|Shipper giả} {báo|nói} có {bưu phẩm|đơn hàng} {order} {phải|cần} {nộp phí|chuyển khoản} {small_amount} {trước|mới giao}{, tôi không đặt hàng|}", ascii_rate=0.3),
    Template("scamcall.evn.01", P, "{Giả danh|Xưng là} {điện lực|EVN}, {dọa|báo} {cắt điện|ngừng cấp điện} {hôm nay|trong 2 giờ}, {yêu cầu|bảo} {kết bạn Zalo|kb Zalo} {phone} {để|} {cập nhật thông tin|thanh toán}", ascii_rate=0.3),
    Template("scamcall.tax.01", P, "{Gọi|Người gọi} {tự xưng|xưng} {cán bộ thuế|chi cục thuế}, {hướng dẫn|yêu cầu} {cài|tải} {app|ứng dụng} thuế {qua link|từ đường link} {tax_url}", ascii_rate=0.3),
    Template("scamcall.relative.01", S, "{Gọi|Người lạ gọi} {báo|nói} {con|chồng|vợ|người nhà} {tôi|} {bị tai nạn|đang cấp cứu} {ở|tại} {place}, {cần|yêu cầu} chuyển {amount} {gấp|ngay} {để mổ|viện phí}", ascii_rate=0.3),
    Template("scamcall.job.01", S, "{Gọi|Gọi điện} {tuyển|mời làm} {CTV|cộng tác viên} {làm nhiệm vụ|đặt đơn} {online|trên mạng}, {bắt|yêu cầu} {nạp|chuyển} {small_amount} {trước|để nhận nhiệm vụ}", ascii_rate=0.3),
    Template("scamcall.prize.01", S, "{Gọi|Cuộc gọi} {báo|chúc mừng} {trúng thưởng|trúng giải} {big_amount} {của|từ} {{service}|chương trình tri ân}, {yêu cầu|bảo} {nộp|chuyển} {phí|thuế} {small_amount} {để nhận|trước}", ascii_rate=0.3),
)
# fmt: on

CATEGORY_TEMPLATES: Mapping[Category, Sequence[Template]] = MappingProxyType(
    {category: tuple(t for t in _TEMPLATES if t.category is category) for category in Category}
)
TEMPLATES_BY_ID: Mapping[str, Template] = MappingProxyType({t.id: t for t in _TEMPLATES})
