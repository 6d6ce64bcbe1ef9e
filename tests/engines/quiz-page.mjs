// The quiz as a learner sees it, driven through WebDriver: one page object for every engine.
// Every wait is on a condition (selenium's driver.wait), never a fixed sleep; conditions
// re-query the DOM each time, since the app re-renders what they look at.
import { By, Key, error } from 'selenium-webdriver';
import { answer, deck, deckAddress, question, storageKey, withAttempts } from '../e2e/shared.mjs';

const TIMEOUT = 10_000;
/** How often a condition is asked again (selenium's default, 200 ms, would add up to minutes). */
const POLL = 25;

const css = (selector) => By.css(selector);
const QUESTION = 'article.question';
const HEADING = 'main h1';
const FEEDBACK = '[data-testid=feedback]';
const CHOICE_INPUTS = 'fieldset.choices input';
/** The first question index.html holds for a deck, taken out of its template when its Start is
 * pressed. */
const firstQuestionOf = (id) => ({
  css: `div.first-question[data-deck="${id}"]`,
  xpath: `//div[contains(concat(' ', normalize-space(@class), ' '), ' first-question ')][@data-deck=${JSON.stringify(id)}]`,
});

/** Records errors in the page from the moment it is called (see QuizPage.installErrorGuard). */
function errorGuardInPage() {
  if (window.quizdeckErrors) return;
  window.quizdeckErrors = [];
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    window.quizdeckErrors.push(args.map(String).join(' '));
    consoleError(...args);
  };
  window.addEventListener('error', (event) => window.quizdeckErrors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) =>
    window.quizdeckErrors.push(`unhandled rejection: ${event.reason}`),
  );
}

export class QuizPage {
  /**
   * `url` is the app's bare address (the library); `deckUrl`, the start screen of the deck under
   * test, is what `open()` opens unless told otherwise. Every journey starts a fresh browser, so
   * storage is empty.
   */
  constructor(driver, url) {
    this.driver = driver;
    this.url = url;
    this.deckUrl = `${url}${deckAddress}`;
    this.errors = [];
    /** Where the question screen's controls are looked for: the whole page, or (before the app,
     * `beforeTheApp`) one deck's pre-rendered first question, as index.html holds one per deck. */
    this.scope = { css: '', xpath: '' };
  }

  /** `selector` within the current scope. */
  inScope(selector) {
    return this.scope.css ? `${this.scope.css} ${selector}` : selector;
  }

  /** Waits until `condition()` returns something truthy and returns it. */
  async until(description, condition, timeout = TIMEOUT) {
    let last;
    return this.driver.wait(
      async () => {
        try {
          last = await condition();
          return last;
        } catch (problem) {
          // The app re-rendered under us, or the element is not there yet: ask again.
          if (problem instanceof error.StaleElementReferenceError) return false;
          if (problem instanceof error.NoSuchElementError) return false;
          throw problem;
        }
      },
      timeout,
      // A function, so the message says what was last seen when the wait gave up.
      () => `${description} (last seen: ${JSON.stringify(last)})`,
      POLL,
    );
  }

  run(script, ...args) {
    return this.driver.executeScript(script, ...args);
  }

  /** The text of the first element matching `selector`, or null when there is none. */
  textOf(selector) {
    return this.run(
      (s) => {
        const element = document.querySelector(s);
        return element ? element.innerText.trim() : null;
      },
      selector,
    );
  }

  async count(selector) {
    return (await this.driver.findElements(css(selector))).length;
  }

  async waitForText(selector, expected, description = selector) {
    const matches = (text) =>
      text !== null && (expected instanceof RegExp ? expected.test(text) : text.includes(expected));
    return this.until(`${description} to show ${expected}`, async () => {
      const text = await this.textOf(selector);
      return matches(text) && text;
    });
  }

  async waitForGone(selector) {
    await this.until(`${selector} to be gone`, async () => (await this.count(selector)) === 0);
  }

  /** True when the element matching `selector` has focus. */
  hasFocus(selector) {
    return this.run((s) => document.activeElement === document.querySelector(s), selector);
  }

  async waitForFocus(selector) {
    await this.until(`focus on ${selector}`, () => this.hasFocus(selector));
  }

  // --- loading ---------------------------------------------------------------------------

  /** Starts recording console errors and uncaught exceptions in the page just loaded. */
  async installErrorGuard() {
    await this.run(errorGuardInPage);
  }

  /** Keeps the current page's recorded errors before it is left. */
  async collectErrors() {
    const errors = await this.run(() => window.quizdeckErrors ?? []).catch(() => []);
    this.errors.push(...errors);
  }

  async waitForApp() {
    await this.until('the app to render', async () => (await this.count('main h1')) > 0, 20_000);
    this.scope = { css: '', xpath: '' };
    await this.installErrorGuard();
  }

  /**
   * Before the app is up (the page as index.html draws it): the question controls below act on
   * `deckId`'s pre-rendered first question, until `waitForApp()` sees the app.
   */
  beforeTheApp(deckId = deck.id) {
    this.scope = firstQuestionOf(deckId);
  }

  /** Navigates to an address (the way a learner types it or opens a link from elsewhere):
   * by default the start screen of the deck under test; `this.url` is the library. */
  async open(url = this.deckUrl) {
    await this.collectErrors();
    await this.driver.get(url);
    await this.waitForApp();
  }

  /** The browser's reload. */
  async reload() {
    await this.collectErrors();
    await this.driver.navigate().refresh();
    await this.waitForApp();
  }

  /** The browser's Back and Forward: within the app they change its screen, not the page. */
  async back() {
    await this.driver.navigate().back();
  }

  async forward() {
    await this.driver.navigate().forward();
  }

  /** Every console error and uncaught exception seen since the journey began. */
  async allErrors() {
    await this.collectErrors();
    await this.installErrorGuard();
    return this.errors.splice(0);
  }

  // --- controls ----------------------------------------------------------------------------

  /** A button by its exact text, e.g. "Start". */
  buttonBy(name) {
    return By.xpath(`${this.scope.xpath}//button[normalize-space(.)=${JSON.stringify(name)}]`);
  }

  /** A button by its accessible name given in `aria-label`, e.g. "Start Django async views". */
  buttonLabelled(label) {
    return By.xpath(`//button[@aria-label=${JSON.stringify(label)}]`);
  }

  async waitForButtonLabelled(label) {
    await this.until(`a button "${label}"`, async () => (await this.driver.findElements(this.buttonLabelled(label))).length === 1);
  }

  /**
   * Clicks like a finger: the element is brought on screen and a frame is painted first, then
   * WebDriver clicks its centre. (Once, in a clean-clone run, WebKitGTK's driver lost a click
   * on the feedback's Next button inside the phone journey's frame; 16 reruns did not repeat
   * it. With the element already on screen and painted, the driver's click has nothing left to
   * scroll or lay out before it lands.)
   */
  async click(locator) {
    const element = await this.until(`${locator} to be there`, () => this.driver.findElement(locator));
    await this.driver.executeAsyncScript(
      `const [element, done] = arguments;
       element.scrollIntoView({ block: 'center' });
       requestAnimationFrame(() => requestAnimationFrame(() => done()));`,
      element,
    );
    await element.click();
  }

  async clickButton(name) {
    await this.click(this.buttonBy(name));
  }

  navigationLink(name) {
    return By.xpath(`//nav//a[normalize-space(.)=${JSON.stringify(name)}]`);
  }

  async clickNavigation(name) {
    await this.click(this.navigationLink(name));
  }

  /** The app bar's links, by their text. */
  navigationLinks() {
    return this.run(() => [...document.querySelectorAll('nav a')].map((link) => link.innerText.trim()));
  }

  // --- the library -------------------------------------------------------------------------

  /** The decks the library lists, by their cards' titles. */
  deckTitles() {
    return this.run(() => [...document.querySelectorAll('main li.deck-card h2')].map((h2) => h2.innerText.trim()));
  }

  /** A deck card's link into the deck (its title). */
  deckLink(title = deck.title) {
    return By.xpath(`//li[contains(@class,'deck-card')]//h2//a[normalize-space(.)=${JSON.stringify(title)}]`);
  }

  /** Follows a deck card's link and waits for that deck's start screen. */
  async openDeckFromLibrary(title = deck.title) {
    await this.click(this.deckLink(title));
    await this.waitForHeading(title);
  }

  /** Goes to the start screen of the deck under test as a learner would: Home (the library),
   * then the deck's card. */
  async toDeckStart() {
    await this.clickNavigation('Home');
    await this.waitForHeading('Decks');
    await this.openDeckFromLibrary(deck.title);
  }

  /** The address the browser shows. */
  address() {
    return this.driver.getCurrentUrl();
  }

  async waitForAddress(expected) {
    await this.until(`the address to be ${expected}`, async () => (await this.address()) === expected);
  }

  // --- the question screen ---------------------------------------------------------------

  heading() {
    return this.textOf(HEADING);
  }

  async waitForHeading(expected) {
    await this.waitForText(HEADING, expected, 'the heading');
  }

  async onQuestion() {
    return (await this.count(QUESTION)) > 0;
  }

  /** The deck question on screen (from the deck file). */
  async currentQuestion() {
    const id = await this.until('a question on screen', () =>
      this.run((s) => document.querySelector(s)?.dataset.question, this.inScope(QUESTION)),
    );
    return question(id);
  }

  /** Choice ids in the order they are shown. */
  choiceOrder() {
    return this.run((s) => [...document.querySelectorAll(s)].map((input) => input.value), this.inScope(CHOICE_INPUTS));
  }

  /** The ids of the options that are ticked. */
  checkedChoices() {
    return this.run(
      (s) => [...document.querySelectorAll(s)].filter((input) => input.checked).map((input) => input.value),
      this.inScope(CHOICE_INPUTS),
    );
  }

  choiceInput(id) {
    return css(this.inScope(`${CHOICE_INPUTS}[value="${id}"]`));
  }

  async choose(id) {
    await this.click(this.choiceInput(id));
    await this.until(`option ${id} to be ticked`, async () => (await this.checkedChoices()).includes(id));
  }

  /** An order question's event ids as listed now. */
  arrangement() {
    return this.run(() =>
      [...document.querySelectorAll('main .order-item .choice-text')].map((text) => text.id.replace(/^order-/, '')),
    );
  }

  /** Presses an event's "Move up" and waits for it to have moved. */
  async moveUp(id) {
    const before = (await this.arrangement()).indexOf(id);
    await this.click(
      By.xpath(
        `//main//li[contains(@class,'order-item')][.//*[@id=${JSON.stringify(`order-${id}`)}]]` +
          `//button[.//span[normalize-space(.)='Move up']]`,
      ),
    );
    await this.until(`${id} to move up`, async () => (await this.arrangement()).indexOf(id) === before - 1);
  }

  async showHint() {
    await this.clickButton('Show hint');
    await this.until('the hint', () => this.count('aside.hint'));
  }

  async check(expectedVerdict) {
    await this.clickButton('Check');
    return this.waitForText(FEEDBACK, expectedVerdict, 'the feedback');
  }

  feedbackText() {
    return this.textOf(FEEDBACK);
  }

  /** Answers the question on screen rightly or wrongly, and checks (shared.mjs). */
  answer(right, options) {
    return answer(this, right, options);
  }

  async next() {
    await this.click(css(`${FEEDBACK} button`));
    await this.waitForGone(FEEDBACK);
  }

  /** Answers rightly until the round's summary is on screen. */
  async finishRound() {
    while (await this.onQuestion()) {
      await this.answer(true);
      await this.next();
    }
  }

  // --- keyboard ----------------------------------------------------------------------------

  /** Presses one key on whatever has focus, as a learner's keyboard does. */
  async press(key) {
    await this.driver.actions().sendKeys(key).perform();
  }

  /** Presses Tab until `selector`'s element has focus (at most `limit` times). */
  async tabTo(selectorOrButton, limit = 12) {
    const isFocused = () =>
      this.run(
        (target) => {
          const active = document.activeElement;
          if (target.button !== undefined) {
            return active?.tagName === 'BUTTON' && active.innerText.trim() === target.button;
          }
          return active === document.querySelector(target.selector);
        },
        selectorOrButton,
      );
    for (let presses = 0; presses < limit; presses++) {
      await this.press(Key.TAB);
      if (await isFocused()) return;
    }
    throw new Error(`Tab never reached ${JSON.stringify(selectorOrButton)} in ${limit} presses`);
  }

  // --- storage and layout -----------------------------------------------------------------

  /** The deck's stored progress, its history as attempt objects (see `withAttempts`). */
  async storedProgress() {
    return withAttempts(await this.run((key) => JSON.parse(localStorage.getItem(key)), storageKey));
  }

  stored(key) {
    return this.run((k) => localStorage.getItem(k), key);
  }

  /** True when the page itself never scrolls sideways. */
  fitsWidth() {
    return this.run(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }

  /** Buttons and options smaller than a 44 px touch target, as "WxH". */
  smallTargets() {
    return this.run(() =>
      [...document.querySelectorAll('button, label.choice')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.height < 44 || box.width < 44)
        .map((box) => `${box.width}x${box.height}`),
    );
  }
}

export { Key };
