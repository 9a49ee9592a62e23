"""Every string the web UI shows, in Vietnamese (the default) and English, and how numbers and
times are written in each. Templates hold no text of their own: they call ``t("key")``.

A missing key is a KeyError, not a silently English page: the template tests render every page in
both languages, so a forgotten entry fails there rather than in front of a citizen.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from chanrac.config import TIMEZONE

LANGUAGES: Final = ("vi", "en")
DEFAULT_LANGUAGE: Final = "vi"

# key: (Vietnamese, English). ``{name}`` placeholders are filled by Translator.__call__.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # Site frame
    "site.name": ("Chặn Rác", "Chặn Rác"),
    "site.tagline": (
        "Hệ thống tiếp nhận và xử lý phản ánh tin nhắn rác, cuộc gọi rác",
        "Reporting and handling of spam messages and calls",
    ),
    "site.skip": ("Bỏ qua, đến nội dung chính", "Skip to main content"),
    "nav.label": ("Điều hướng chính", "Main navigation"),
    "nav.dashboard": ("Thống kê", "Statistics"),
    "nav.report": ("Phản ánh tin rác", "Report spam"),
    "nav.track": ("Tra cứu phản ánh", "Track a report"),
    "lang.label": ("Ngôn ngữ", "Language"),
    "lang.vi": ("Tiếng Việt", "Tiếng Việt"),
    "lang.en": ("English", "English"),
    "footer.shortcodes": (
        "Bạn cũng có thể phản ánh miễn phí qua tin nhắn tới {codes}: S <nguồn gửi> <nội dung>.",
        "You can also report free of charge by SMS to {codes}: S <source> <content>.",
    ),
    "footer.privacy": (
        "Số điện thoại của người phản ánh không bao giờ được hiển thị hay chia sẻ.",
        "Reporters' phone numbers are never shown or shared.",
    ),
    "footer.api": ("Tài liệu API", "API documentation"),
    "time.zone": ("giờ Việt Nam", "Vietnam time"),
    # Dashboard
    "dashboard.title": ("Thống kê phản ánh", "Report statistics"),
    "dashboard.period": (
        "Từ {first} đến {last} ({days} ngày, theo giờ Việt Nam)",
        "From {first} to {last} ({days} days, Vietnam time)",
    ),
    "dashboard.days": ("Khoảng thời gian", "Period"),
    "dashboard.days_option": ("{days} ngày gần nhất", "last {days} days"),
    "dashboard.show": ("Xem", "Show"),
    "dashboard.empty": (
        "Chưa có phản ánh nào trong khoảng thời gian này.",
        "No reports in this period yet.",
    ),
    "totals.reports": ("Phản ánh", "Reports"),
    "totals.spam": ("Được xác định là rác", "Judged spam"),
    "totals.blocked": ("Đề nghị chặn", "To block"),
    "totals.flagged": ("Cần xem xét", "To review"),
    "totals.senders": ("Nguồn gửi khác nhau", "Distinct senders"),
    "totals.repeats": ("Phản ánh lặp lại", "Repeated reports"),
    "totals.share": ("{percent} tổng số", "{percent} of all"),
    "chart.by_day": ("Phản ánh theo ngày", "Reports per day"),
    "chart.by_day.desc": (
        "Số phản ánh mỗi ngày; phần màu đỏ là phản ánh được xác định là rác.",
        "Reports per day; the red part is reports judged spam.",
    ),
    "chart.series.spam": ("Rác", "Spam"),
    "chart.series.other": ("Khác / chưa phân loại", "Other / unclassified"),
    "chart.bar_title": ("{label}: {value}", "{label}: {value}"),
    "chart.day_title": (
        "{day}: {reports} phản ánh, {spam} rác",
        "{day}: {reports} reports, {spam} spam",
    ),
    "chart.by_category": ("Theo loại", "By category"),
    "chart.by_operator": ("Theo nhà mạng của nguồn gửi", "By operator of the sender"),
    "chart.by_operator.note": (
        "Theo đầu số gốc; số đã chuyển mạng giữ số thuê bao vẫn tính theo nhà mạng gốc.",
        "By original prefix; ported numbers count under their original operator.",
    ),
    "chart.by_province": ("10 tỉnh, thành có nhiều phản ánh nhất", "Top 10 provinces"),
    "chart.by_channel": ("Theo kênh tiếp nhận", "By channel"),
    "chart.data": ("Xem số liệu", "Show the numbers"),
    "chart.none": ("Chưa có số liệu.", "No data yet."),
    "table.item": ("Mục", "Item"),
    "table.count": ("Số phản ánh", "Reports"),
    "table.day": ("Ngày", "Day"),
    "top.title": ("Nguồn gửi bị phản ánh nhiều nhất", "Most reported senders"),
    "top.sender": ("Nguồn gửi", "Sender"),
    "top.kind": ("Loại nguồn", "Sender type"),
    "top.operator": ("Nhà mạng", "Operator"),
    "top.reports": ("Phản ánh", "Reports"),
    "top.reporters": ("Người phản ánh", "Reporters"),
    "top.last": ("Lần gần nhất", "Last seen"),
    "recent.title": ("Phản ánh mới nhất", "Latest reports"),
    "recent.code": ("Mã tra cứu", "Tracking code"),
    "recent.time": ("Thời gian nhận tin", "Received"),
    "recent.kind": ("Loại phản ánh", "Report type"),
    "recent.category": ("Phân loại", "Category"),
    "recent.action": ("Xử lý", "Action"),
    "recent.sender": ("Nguồn gửi", "Sender"),
    # Report form
    "report.title": ("Phản ánh tin nhắn rác, cuộc gọi rác", "Report a spam message or call"),
    "report.intro": (
        "Điền thông tin bên dưới. Các ô có dấu * là bắt buộc. Bạn sẽ nhận được mã tra cứu để theo dõi.",
        "Fill in the form below. Fields marked * are required. You will get a tracking code.",
    ),
    "report.required": ("bắt buộc", "required"),
    "report.optional": ("không bắt buộc", "optional"),
    "field.kind": ("Bạn muốn phản ánh", "What are you reporting?"),
    "field.sender": ("Nguồn gửi", "Sender"),
    "field.sender.hint": (
        "Số điện thoại, đầu số ngắn hoặc tên thương hiệu hiển thị, ví dụ 0912 345 678 hoặc 8x79.",
        "The phone number, short code or brandname shown, e.g. 0912 345 678 or 8x79.",
    ),
    "field.text": ("Nội dung", "Content"),
    "field.text.hint": (
        "Chép nguyên văn tin nhắn; với cuộc gọi, ghi lại nội dung người gọi nói (tối đa {max} ký tự).",
        "Copy the message as received; for a call, what the caller said (at most {max} characters).",
    ),
    "field.recipient": ("Số nhận tin", "Receiving number"),
    "field.recipient.hint": ("Số điện thoại đã nhận tin hoặc cuộc gọi.", "The number that got the message or call."),
    "field.reporter": ("Số điện thoại của bạn", "Your phone number"),
    "field.reporter.hint": (
        "Để chúng tôi gộp các phản ánh trùng lặp; không bao giờ được công khai.",
        "Lets us merge repeated reports; never made public.",
    ),
    "field.province": ("Tỉnh, thành phố", "Province or city"),
    "field.province.none": ("— Không chọn —", "— Not given —"),
    "report.submit": ("Gửi phản ánh", "Send report"),
    "report.errors": (
        "Phản ánh chưa được gửi. Vui lòng sửa {count} lỗi bên dưới.",
        "The report was not sent. Please correct the {count} error(s) below.",
    ),
    "error.text.missing": ("Vui lòng nhập nội dung.", "Please enter the content."),
    "error.too_many": (
        "Bạn đã gửi nhiều phản ánh trong một phút. Vui lòng thử lại sau {seconds} giây.",
        "You sent many reports within a minute. Please try again in {seconds} seconds.",
    ),
    "error.too_long": ("Dài quá {max} ký tự.", "Longer than {max} characters."),
    "error.sender.invalid": (
        "Nguồn gửi không hợp lệ: hãy nhập số điện thoại, đầu số ngắn hoặc tên thương hiệu.",
        "Not a valid sender: enter a phone number, a short code or a brandname.",
    ),
    "error.phone.invalid": (
        "Số điện thoại không hợp lệ, ví dụ đúng: 0912 345 678.",
        "Not a valid phone number; for example 0912 345 678.",
    ),
    "error.province.invalid": ("Tỉnh, thành phố không có trong danh sách.", "Unknown province."),
    "error.kind.invalid": ("Vui lòng chọn loại phản ánh.", "Please choose what you are reporting."),
    "error.invalid": ("Giá trị không hợp lệ.", "Invalid value."),
    "error.detail": ("Chi tiết: {detail}", "Detail: {detail}"),
    # Tracking
    "track.title": ("Tra cứu phản ánh", "Track a report"),
    "track.intro": (
        "Nhập mã tra cứu bạn nhận được khi gửi phản ánh, ví dụ CR7K4M9Q2XZH3.",
        "Enter the tracking code you received, e.g. CR7K4M9Q2XZH3.",
    ),
    "track.code": ("Mã tra cứu", "Tracking code"),
    "track.submit": ("Tra cứu", "Look up"),
    "track.invalid": (
        "“{code}” không phải là mã tra cứu hợp lệ. Mã có dạng CR và 11 ký tự, ví dụ CR7K4M9Q2XZH3.",
        "“{code}” is not a valid tracking code. Codes are CR and 11 characters, e.g. CR7K4M9Q2XZH3.",
    ),
    "track.not_found": ("Không tìm thấy phản ánh có mã {code}.", "No report has the tracking code {code}."),
    "track.thanks": ("Cảm ơn bạn! Phản ánh đã được tiếp nhận.", "Thank you! Your report was received."),
    "track.keep_code": (
        "Hãy lưu lại mã tra cứu {code} để theo dõi kết quả xử lý.",
        "Keep the tracking code {code} to follow what happens.",
    ),
    "track.duplicate": (
        "Bạn đã phản ánh tin này trước đó; chúng tôi đã ghi nhận thêm một lần phản ánh.",
        "You reported this before; we counted your report once more.",
    ),
    "track.report": ("Phản ánh {code}", "Report {code}"),
    "track.heading": ("Phản ánh", "Report"),
    "track.status": ("Trạng thái", "Status"),
    "track.kind": ("Loại phản ánh", "Report type"),
    "track.channel": ("Kênh", "Channel"),
    "track.sender": ("Nguồn gửi", "Sender"),
    "track.received": ("Thời gian nhận tin", "Received"),
    "track.filed": ("Thời gian phản ánh", "Reported"),
    "track.repeats": ("Phản ánh lặp lại", "Repeated"),
    "track.campaign": ("Chiến dịch", "Campaign"),
    "track.verdict": ("Kết quả đánh giá tự động", "Automatic assessment"),
    "track.pending": (
        "Phản ánh chưa được đánh giá tự động; kết quả sẽ có sau.",
        "This report has not been assessed yet.",
    ),
    "track.summary": (
        "Đánh giá: {category}. Đề xuất xử lý: {action}. Tổng điểm {score} (xem xét từ {flag}, chặn từ {block}).",
        "Assessment: {category}. Proposed action: {action}. Score {score} (review from {flag}, block from {block}).",
    ),
    "track.model_alone": (
        "Điểm vượt ngưỡng chặn nhưng chỉ mô hình nội dung nhận là rác, không có dấu hiệu nào khác: "
        "tin được chuyển cán bộ xem xét thay vì chặn.",
        "The score is above the block line, but only the content model calls it spam and no other signal "
        "does: the message goes to review instead of being blocked.",
    ),
    "track.signals": ("Các dấu hiệu đã phát hiện", "Signals that fired"),
    "track.signals.none": ("Không có dấu hiệu nào.", "No signal fired."),
    "signal.name": ("Dấu hiệu", "Signal"),
    "signal.score": ("Điểm", "Score"),
    "signal.detail": ("Chi tiết", "Detail"),
    "signal.explain": (
        "Điểm dương cho thấy dấu hiệu tin rác, điểm âm cho thấy tin hợp lệ.",
        "Positive scores point to spam, negative ones to a legitimate message.",
    ),
    "page.error": ("Có lỗi", "Something is wrong"),
    "error.days": (
        "Khoảng thời gian phải là số ngày từ 1 đến {max}, không phải “{value}”.",
        "The period must be a number of days from 1 to {max}, not “{value}”.",
    ),
    "page.back": ("Về trang chủ", "Back to the start page"),
    # Signals of chanrac.detect (Signal.name); an unknown name is shown as it is.
    "signal_name.rule": ("Từ khóa nhóm “{category}”", "Keywords of “{category}”"),
    "signal_name.model.spam": ("Mô hình phân loại nội dung", "Content classifier"),
    "signal_name.text.obfuscated": ("Chữ bị biến dạng để né bộ lọc", "Text disguised to evade filters"),
    "signal_name.reputation.indicator": ("Số, đường dẫn đã bị phản ánh trước đó", "Number or link reported before"),
    "signal_name.reputation.sender": ("Nguồn gửi đã bị phản ánh trước đó", "Sender reported before"),
    "signal_name.indicator.ott_contact": ("Mời liên hệ qua Zalo, Telegram…", "Asks to talk on Zalo, Telegram…"),
    "signal_name.indicator.lookalike_domain": ("Tên miền giả mạo", "Look-alike domain"),
    "signal_name.indicator.shortener": ("Đường dẫn rút gọn", "Shortened link"),
    "signal_name.indicator.app_download": ("Mời cài ứng dụng ngoài kho (.apk)", "App outside the stores (.apk)"),
    "signal_name.indicator.betting_site": ("Tên miền của trang cờ bạc", "Betting site's domain"),
    "signal_name.indicator.crypto_wallet": ("Địa chỉ ví tiền mã hóa", "Cryptocurrency wallet address"),
    "signal_name.indicator.ip_link": ("Đường link tới địa chỉ IP trần", "Link to a bare IP address"),
    "signal_name.indicator.cheap_tld": ("Tên miền giá rẻ (.top, .xyz…)", "Cheap domain (.top, .xyz…)"),
    "signal_name.indicator.phone_in_text": ("Có số điện thoại trong nội dung", "Phone number in the text"),
    "signal_name.sender.unregistered_brandname": ("Tên thương hiệu chưa đăng ký", "Unregistered brandname"),
    "signal_name.sender.registered_brandname": ("Tên thương hiệu đã đăng ký", "Registered brandname"),
    "signal_name.sender.personal_number_ad": ("Quảng cáo gửi từ số cá nhân", "Advertising from a personal number"),
    "signal_name.sender.personal_number_brand_content": (
        "Số cá nhân dùng lời lẽ của ngân hàng, cơ quan nhà nước",
        "Personal number using bank or authority wording",
    ),
    "signal_name.ad.legal_form": ("Quảng cáo đúng hình thức luật định", "Advertising in the legal form"),
    "signal_name.ad.legal_form_content": (
        "Nội dung có nhãn quảng cáo và cách từ chối nhận tin",
        "Ad label and opt-out in the text",
    ),
    "signal_name.ad.label_on_prohibited_content": (
        "Nhãn quảng cáo trên nội dung bị cấm quảng cáo",
        "Ad label on goods no advertisement may offer",
    ),
    "signal_name.notice.public_warning": (
        "Cảnh báo lừa đảo của cơ quan chức năng",
        "An authority's warning about scams",
    ),
    "signal_name.notice.brand_service": (
        "Thông báo dịch vụ của chính thương hiệu, gửi từ brandname của họ, chỉ dẫn tới kênh chính thức",
        "The brand's own service notice, from its brandname, pointing only to official channels",
    ),
    "signal_name.indicator.premium_short_code": (
        "Yêu cầu nhắn tin tới đầu số nội dung tính phí (6xxx–8xxx)",
        "Asks to text a premium content short code (6xxx–8xxx)",
    ),
    "signal_name.notice.own_channels": (
        "Chỉ dẫn tới tên miền của chính thương hiệu được nêu tên, không có kênh liên hệ nào khác",
        "Links only to the named brand's own domains, with no other way to be reached",
    ),
    "signal_name.sender.writes_as_brand": (
        "Số cá nhân hoặc địa chỉ e-mail tự xưng là ngân hàng, nhà mạng, cơ quan hay hãng lớn",
        "A subscriber's number or an e-mail address writing as a bank, carrier, state body or platform",
    ),
    "signal_name.sender.random_email": (
        "Gửi từ địa chỉ e-mail tạo ngẫu nhiên (iMessage)",
        "Sent from a made-up e-mail address (iMessage)",
    ),
    "signal_name.sender.personal_number_commercial": (
        "Nội dung thương mại gửi từ số cá nhân",
        "Commercial wording from a personal number",
    ),
    "signal_name.policy.too_little_text": (
        "Tin quá ít chữ (dưới hai từ, hoặc chỉ tên và số điện thoại) để mô hình nội dung đánh giá",
        "Too little text (fewer than two words, or a name and a phone number) for the content model",
    ),
    "signal_name.policy.model_alone": (
        "Chỉ mô hình đánh giá là rác: đánh dấu để xem xét, không chặn",
        "Only the classifier says spam: flagged for review, not blocked",
    ),
    # Labels of stored values (group.value)
    "category.gambling": ("Cờ bạc, cá độ", "Gambling"),
    "category.loan": ("Cho vay, tín dụng đen", "Illegal credit"),
    "category.fake_docs": ("Làm giả giấy tờ", "Fake documents"),
    "category.phishing": ("Giả mạo, lừa lấy thông tin", "Phishing"),
    "category.scam": ("Lừa đảo", "Scam"),
    "category.sim_sale": ("Bán SIM", "SIM sales"),
    "category.adult": ("Nội dung người lớn", "Adult content"),
    "category.advertising": ("Quảng cáo sai quy định", "Unlawful advertising"),
    "category.ham": ("Không phải rác", "Not spam"),
    "category.unknown": ("Chưa phân loại", "Unclassified"),
    "action.allow": ("Cho qua", "Allow"),
    "action.flag": ("Cần xem xét", "Review"),
    "action.block": ("Chặn", "Block"),
    "action.unknown": ("Chưa đánh giá", "Not assessed"),
    "kind.spam_sms": ("Tin nhắn rác", "Spam SMS"),
    "kind.spam_call": ("Cuộc gọi rác", "Spam call"),
    "kind.scam": ("Lừa đảo", "Scam"),
    "channel.sms_5656": ("Tin nhắn tới 5656/156", "SMS to 5656/156"),
    "channel.web": ("Trang web", "Web"),
    "channel.api": ("API đối tác", "Partner API"),
    "channel.operator_bulk": ("Nhà mạng chuyển", "Operator upload"),
    "channel.smpp": ("Kết nối SMPP", "SMPP link"),
    "channel.unknown": ("Không rõ", "Unknown"),
    "status.received": ("Đã tiếp nhận", "Received"),
    "status.classified": ("Đã đánh giá", "Assessed"),
    "status.confirmed": ("Đã xác nhận, đang xử lý", "Confirmed, being acted on"),
    "status.rejected": ("Không phải rác", "Not spam"),
    "status.closed": ("Đã đóng", "Closed"),
    "sender_kind.mobile": ("Di động", "Mobile"),
    "sender_kind.fixed": ("Cố định / quốc tế", "Fixed / foreign"),
    "sender_kind.short_code": ("Đầu số ngắn", "Short code"),
    "sender_kind.brandname": ("Tên thương hiệu", "Brandname"),
    "sender_kind.email": ("Email", "E-mail"),
    "sender_kind.ott": ("Tài khoản OTT", "OTT account"),
    "sender_kind.unknown": ("Không rõ", "Unknown"),
    "operator.unknown": ("Không xác định", "Not known"),
    "province.unknown": ("Không rõ", "Unknown"),
    "sender.unknown": ("Không rõ", "Unknown"),
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pick_language(*candidates: str | None) -> str:
    """The first candidate that is a UI language (query, cookie, settings…), else Vietnamese."""
    for candidate in candidates:
        if candidate and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return DEFAULT_LANGUAGE


class Translator:
    """``t("key", name=value)`` for one language, plus number, date and label formatting."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        self.language = language
        self._index = LANGUAGES.index(language)

    def __call__(self, key: str, **params: object) -> str:
        text = MESSAGES[key][self._index]
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in MESSAGES

    def label(self, group: str, value: str | None) -> str:
        """The name of a stored value (``label("category", "loan")``); unknown values show as stored."""
        key = f"{group}.{value or 'unknown'}"
        return self(key) if key in MESSAGES else str(value)

    def signal(self, name: str) -> str:
        """What a detection signal means, for a reporter rather than an engineer."""
        key = f"signal_name.{name}"
        if key in MESSAGES:
            return self(key)
        if name.startswith("rule."):
            return self("signal_name.rule", category=self.label("category", name.removeprefix("rule.")))
        return name

    def number(self, value: float, digits: int = 0) -> str:
        # Vietnamese groups thousands with "." and writes decimals with ",".
        text = f"{value:,.{digits}f}"
        if self.language == "vi":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text

    def signed(self, value: float, digits: int = 2) -> str:
        """A score with its sign, as in the signal tables: +1,50 / −0,75."""
        sign = "+" if value > 0 else "−" if value < 0 else ""
        return sign + self.number(abs(value), digits)

    def percent(self, part: int, whole: int) -> str:
        return self.number(100 * part / whole if whole else 0, 1) + " %"

    def day(self, value: date) -> str:
        if self.language == "vi":
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"

    def short_day(self, value: date) -> str:
        if self.language == "vi":
            return f"{value.day:02d}/{value.month:02d}"
        return f"{value.day} {_MONTHS_EN[value.month - 1]}"

    def datetime(self, value: datetime) -> str:
        local = value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value.astimezone(TIMEZONE)
        return f"{local:%H:%M} {self.day(local.date())}"
