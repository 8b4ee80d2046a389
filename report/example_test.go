package report_test

import (
	"fmt"
	"log"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/topology/load"
)

// Print a review's counts, as the JSON output's summary gives them, and
// whether it fails at the default threshold, as `netreview check` decides
// its exit status.
func ExampleSummarize() {
	m, _, err := load.Files([]string{"../samples/backbone.yaml", "../samples/tri-county-dispatch.yaml"})
	if err != nil {
		log.Fatal(err)
	}
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	s := report.Summarize(res)
	fmt.Printf("%d sites, %d devices, %d links, %d tunnels\n", s.Sites, s.Devices, s.Links, s.Tunnels)
	fmt.Printf("findings: %d high, %d medium, %d info; %d waived\n", s.Findings.High, s.Findings.Medium, s.Findings.Info, s.Waived)
	fmt.Println("fails at high:", report.Fails(res.Findings, analysis.High))
	// Output:
	// 4 sites, 23 devices, 27 links, 7 tunnels
	// findings: 5 high, 5 medium, 2 info; 0 waived
	// fails at high: true
}
