package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium returns the path of a headless-capable Chromium, or skips the
// test saying why.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found: install it (apt-get install -y chromium) to run the HTML report's browser test")
	return ""
}

// browserHarness runs after the report's own script, in a test copy of the
// report: it sorts and filters the findings table as a user would, and
// writes what it sees into #nr-test as JSON.
const browserHarness = `<pre id="nr-test"></pre>
<script>
(function () {
  function order() {
    return Array.prototype.map.call(document.querySelectorAll("#nr-findings tbody tr"), function (r) { return r.getAttribute("data-num"); }).join(",");
  }
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll("#nr-findings tbody tr"), function (r) { return !r.hidden; }).length;
  }
  var out = {initial: order()};
  var th = document.querySelector("#nr-findings th[data-sort=rule]");
  th.click(); out.byRule = order();
  th.click(); out.byRuleDesc = order();
  document.querySelector("#nr-findings th[data-sort=num]").click(); out.byNum = order();
  var f = document.getElementById("nr-filter");
  f.value = "unpatched"; f.dispatchEvent(new Event("input")); out.filtered = visible();
  f.value = ""; f.dispatchEvent(new Event("input"));
  var w = document.getElementById("nr-hide-waived");
  w.checked = true; w.dispatchEvent(new Event("change")); out.unwaived = visible();
  out.count = document.getElementById("nr-count").textContent;
  out.svg = document.querySelectorAll("#diagram svg").length;
  out.zoomed = Math.round(window.netreviewZoom(2));
  out.fit = Math.round(window.netreviewZoom(0));
  document.getElementById("nr-test").textContent = JSON.stringify(out);
})();
</script>
`

// TestHTMLInBrowser opens the HTML report in headless Chromium: the page must
// run without script errors, and its table must sort and filter.
func TestHTMLInBrowser(t *testing.T) {
	bin := chromium(t)
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	var page bytes.Buffer
	if err := HTML(&page, reviewResult(), HTMLOptions{Diagram: fakeDiagram}); err != nil {
		t.Fatal(err)
	}
	dom, stderr := browse(t, bin, strings.Replace(page.String(), "</body>", browserHarness+"</body>", 1))
	m := regexp.MustCompile(`(?s)<pre id="nr-test">(.*?)</pre>`).FindStringSubmatch(dom)
	if m == nil || strings.TrimSpace(m[1]) == "" {
		t.Fatalf("the test harness did not run; stderr:\n%s", stderr)
	}
	var got struct {
		Initial, ByRule, ByRuleDesc, ByNum, Count string
		Filtered, Unwaived, SVG, Zoomed, Fit      int
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &got); err != nil {
		t.Fatalf("harness output %q: %v", m[1], err)
	}
	// reviewResult's findings: F1 unencrypted-exit, F2 single-link
	// (waived), F3 unpatched, F4 advanced-authentication, F5 unanswered.
	want := struct {
		Initial, ByRule, ByRuleDesc, ByNum, Count string
		Filtered, Unwaived, SVG, Zoomed, Fit      int
	}{
		Initial: "1,2,3,4,5", ByRule: "4,2,5,1,3", ByRuleDesc: "3,1,5,2,4", ByNum: "1,2,3,4,5",
		Count: "4 of 5 shown", Filtered: 1, Unwaived: 4, SVG: 1,
		// The 120-unit diagram at twice its size (4/3 px a unit), then
		// fitted back to its own width.
		Zoomed: 320, Fit: 120,
	}
	if got != want {
		t.Errorf("in the browser:\n got %+v\nwant %+v", got, want)
	}
}

// TestHTMLInBrowserSamples opens the statewide sample's report: a real
// result's page must run without script errors too.
func TestHTMLInBrowserSamples(t *testing.T) {
	bin := chromium(t)
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	res := sampleResult(t, sampleSets[len(sampleSets)-1]...)
	var page bytes.Buffer
	if err := HTML(&page, res, HTMLOptions{Diagram: fakeDiagram}); err != nil {
		t.Fatal(err)
	}
	dom, _ := browse(t, bin, page.String())
	if want := fmt.Sprintf("%d of %d shown", len(res.Findings), len(res.Findings)); !strings.Contains(dom, want) {
		t.Errorf("the page's script did not count the findings: no %q", want)
	}
}

// browse loads page in headless Chromium, fails the test on a script
// error, and returns the DOM after the page's scripts ran, and Chromium's
// log.
func browse(t *testing.T, bin, page string) (dom, stderr string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, stderr = runChromium(t, bin, dir, "--dump-dom", "file://"+path)
	if m := regexp.MustCompile(`(?s)<pre id="nr-errors"[^>]*>(.*?)</pre>`).FindStringSubmatch(dom); m == nil {
		t.Fatalf("dumped DOM lacks #nr-errors:\n%s", dom)
	} else if strings.TrimSpace(m[1]) != "" {
		t.Errorf("script errors in the page: %s", html.UnescapeString(m[1]))
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "CONSOLE") && (strings.Contains(line, "Uncaught") || strings.Contains(line, "Error")) {
			t.Errorf("console error: %s", line)
		}
	}
	return dom, stderr
}

// TestHTMLScreenshot renders the report to a PNG, for a person to look at:
// NETREVIEW_SCREENSHOT=out.png go test -run Screenshot ./report/
func TestHTMLScreenshot(t *testing.T) {
	out := os.Getenv("NETREVIEW_SCREENSHOT")
	if out == "" {
		t.Skip("set NETREVIEW_SCREENSHOT=FILE.png to write a screenshot of the HTML report")
	}
	bin := chromium(t)
	var page bytes.Buffer
	if err := HTML(&page, reviewResult(), HTMLOptions{Diagram: fakeDiagram}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		t.Fatal(err)
	}
	runChromium(t, bin, dir, "--screenshot="+abs, "--window-size=1280,2000", "file://"+path)
}

// runChromium runs headless Chromium with a fresh profile in dir and no
// network, and returns its standard output and error.
func runChromium(t *testing.T, bin, dir string, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + filepath.Join(dir, "profile"),
		"--enable-logging=stderr", "--v=0"}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, e.String())
	}
	return o.String(), e.String()
}
