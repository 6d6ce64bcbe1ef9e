// The three engines a learner's browser is built on, each started through its own WebDriver
// server with one selenium-webdriver client: Chromium (chromedriver), Firefox (geckodriver)
// and WebKit (WebKitGTK's WebKitWebDriver driving MiniBrowser on a virtual X display).
//
// Every driver path is given explicitly, and Selenium Manager is switched off and pointed at
// a program that fails: nothing here may download a driver or a browser.
import { spawn } from 'node:child_process';
import { Builder } from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome.js';
import firefox from 'selenium-webdriver/firefox.js';
import remote from 'selenium-webdriver/remote/index.js';
import portprober from 'selenium-webdriver/net/portprober.js';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../e2e/chromium.mjs';

process.env.SE_OFFLINE = 'true';
process.env.SE_MANAGER_PATH = '/bin/false';

const WEBKIT_LIB = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The first of three ports each engine's test servers use. Clear of Playwright's (4173, 4174,
 * and 4183 and up for pwa.spec.mjs's update test), and of 4190, which is on the Fetch
 * standard's list of "bad ports" (ManageSieve) that Firefox refuses to load from.
 */
export const BASE_PORT = { chromium: 4250, firefox: 4253, webkit: 4256 };

/** A desktop-sized window for every journey but the phone's. */
const DESKTOP = { width: 1280, height: 900 };

function chromiumDriver({ userAgent }) {
  const options = new chrome.Options()
    .setChromeBinaryPath(CHROMIUM_EXECUTABLE)
    .addArguments('--headless=new', ...CHROMIUM_ARGS, `--window-size=${DESKTOP.width},${DESKTOP.height}`);
  if (userAgent) options.addArguments(`--user-agent=${userAgent}`);
  const service = new chrome.ServiceBuilder(process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver');
  return new Builder().forBrowser('chrome').setChromeOptions(options).setChromeService(service).build();
}

function firefoxDriver({ userAgent }) {
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr')
    .addArguments('-headless')
    .windowSize(DESKTOP);
  if (userAgent) options.setPreference('general.useragent.override', userAgent);
  const geckodriver = process.env.GECKODRIVER ?? `${process.env.HOME}/.cargo/bin/geckodriver`;
  const service = new firefox.ServiceBuilder(geckodriver);
  return new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
}

/**
 * WebKitGTK has no headless mode: MiniBrowser runs on an Xvfb display of its own, started
 * here and stopped by the returned driver's quit(). `-displayfd` lets Xvfb pick a free display
 * number itself, so this never collides with another X server on the machine.
 */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => (stderr += chunk));
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (data) => resolve(`:${String(data).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
  });
  // Also when a journey times out and the test process ends without quitting the browser.
  const stop = () => xvfb.kill();
  process.once('exit', stop);
  return {
    display,
    stop() {
      process.off('exit', stop);
      stop();
    },
  };
}

async function webkitDriver({ userAgent }) {
  const xvfb = await startXvfb();
  try {
    const port = await portprober.findFreePort('127.0.0.1');
    const service = new remote.DriverService(process.env.WEBKITWEBDRIVER ?? '/usr/bin/WebKitWebDriver', {
      hostname: '127.0.0.1',
      port,
      args: [`--port=${port}`, '--host=127.0.0.1'],
      env: { ...process.env, DISPLAY: xvfb.display },
      stdio: 'ignore',
    });
    const url = await service.start();
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: process.env.MINIBROWSER ?? `${WEBKIT_LIB}/MiniBrowser`,
          args: ['--automation', ...(userAgent ? [`--user-agent=${userAgent}`] : [])],
        },
      })
      .build();
    const quit = driver.quit.bind(driver);
    driver.quit = async () => {
      try {
        await quit();
      } finally {
        await service.kill();
        xvfb.stop();
      }
    };
    await driver.manage().window().setRect(DESKTOP);
    return driver;
  } catch (error) {
    xvfb.stop();
    throw error;
  }
}

/**
 * A new browser session (a fresh profile: no storage, no service worker) in `engine`,
 * optionally sending another `userAgent` (the engine stays what it is).
 */
export async function startBrowser(engine, { userAgent } = {}) {
  const start = { chromium: chromiumDriver, firefox: firefoxDriver, webkit: webkitDriver }[engine];
  if (!start) throw new Error(`unknown engine ${engine}; one of ${ENGINES.join(', ')}`);
  const driver = await start({ userAgent });
  await driver.manage().setTimeouts({ script: 20_000, pageLoad: 30_000 });
  return driver;
}
