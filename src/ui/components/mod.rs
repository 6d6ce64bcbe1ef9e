//! Small building blocks shared by the pages.

mod answer_review;
mod app_bar;
mod choice_list;
mod evidence;
mod feedback;
mod hint;
mod live_region;
mod order_list;
mod share_deck;
mod shortcuts_help;
mod storage_notices;
mod storage_status;
mod update_prompt;

pub use answer_review::AnswerReview;
pub use app_bar::AppBar;
pub use choice_list::ChoiceList;
pub use evidence::EvidenceLine;
pub use feedback::Feedback;
pub use hint::Hint;
pub use live_region::LiveRegion;
pub use order_list::OrderList;
pub use share_deck::ShareDeck;
pub use shortcuts_help::ShortcutsHelp;
pub use storage_notices::StorageNotices;
pub use storage_status::StorageStatus;
pub use update_prompt::UpdatePrompt;
