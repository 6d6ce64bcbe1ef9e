//! Small building blocks shared by the pages.

mod app_bar;
mod choice_list;
mod feedback;
mod hint;
mod live_region;
mod storage_notices;

pub use app_bar::AppBar;
pub use choice_list::ChoiceList;
pub use feedback::Feedback;
pub use hint::Hint;
pub use live_region::LiveRegion;
pub use storage_notices::StorageNotices;
