use js_sys::Reflect;
use leptos::prelude::*;

/// Whether this browser deletes the site's data, progress included, after 7 days without a
/// visit unless the app was added to the Home Screen: Safari, and every browser on an iPhone or
/// iPad (all WebKit), when not running as the installed app. False until known in the browser.
pub fn use_data_evicted_unless_installed() -> ReadSignal<bool> {
    let (evicted, set_evicted) = signal(false);
    Effect::new(move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator = window.navigator();
        let agent = navigator.user_agent().unwrap_or_default();
        set_evicted
            .set(is_apple_webkit(&agent, navigator.max_touch_points()) && !is_installed(&window));
    });
    evicted
}

/// Running as an installed app (home-screen icon) rather than in a browser tab.
fn is_installed(window: &web_sys::Window) -> bool {
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    // iOS Safari's own flag for a page opened from the home screen.
    let ios_standalone = Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    standalone || ios_standalone
}

/// Whether this user agent is Safari on a Mac, or any browser on an iPhone or iPad. Only
/// Apple's systems: WebKitGTK and WPE browsers on Linux (GNOME Web, MiniBrowser) also end their
/// user agent in "Safari/605.1.15", but have no Home Screen to add the app to.
fn is_apple_webkit(agent: &str, max_touch_points: i32) -> bool {
    let mac = agent.contains("Macintosh");
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|device| agent.contains(device))
        // iPadOS asks for desktop pages and calls itself a Mac, but has a touch screen.
        || (mac && max_touch_points > 1);
    let mac_safari = mac
        && agent.contains("Safari")
        && !["Chrome", "Chromium", "Edg", "OPR", "Firefox"]
            .iter()
            .any(|other| agent.contains(other));
    ios || mac_safari
}

#[cfg(test)]
mod tests {
    use super::is_apple_webkit;

    const IPHONE: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 \
                          (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) \
                                 AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0 Mobile/15E148 Safari/604.1";
    const MAC_SAFARI: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
                              (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
    const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 \
                              (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";
    /// WebKitGTK's MiniBrowser 2.50 (the WebKit of the engines suite), and GNOME Web.
    const WEBKITGTK: &str =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                             Version/60.5 Safari/605.1.15";
    const EPIPHANY: &str = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 \
                            (KHTML, like Gecko) Version/17.0 Safari/605.1.15 Epiphany/605.1.15";
    const LINUX_FIREFOX: &str =
        "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 \
                                  (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36";

    #[test]
    fn every_browser_on_iphone_and_ipad_and_safari_on_a_mac() {
        assert!(is_apple_webkit(IPHONE, 5));
        assert!(is_apple_webkit(IPHONE_CHROME, 5));
        assert!(is_apple_webkit(MAC_SAFARI, 0));
        // iPadOS: a "Mac" with a touch screen, whichever browser.
        assert!(is_apple_webkit(MAC_CHROME, 5));
    }

    #[test]
    fn not_webkit_on_linux_nor_other_engines() {
        assert!(!is_apple_webkit(WEBKITGTK, 0));
        assert!(!is_apple_webkit(EPIPHANY, 0));
        assert!(!is_apple_webkit(MAC_CHROME, 0));
        assert!(!is_apple_webkit(LINUX_FIREFOX, 0));
        assert!(!is_apple_webkit(ANDROID_CHROME, 5));
    }
}
