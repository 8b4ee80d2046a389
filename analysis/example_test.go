package analysis_test

import (
	"fmt"
	"log"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology/load"
)

// Review a proposal: load the state backbone and the agency's files as one
// model, run the rules of the CJIS Security Policy v6.0 pack as of a date,
// and list the high findings.
func ExampleRun() {
	m, _, err := load.Files([]string{"../samples/backbone.yaml", "../samples/riverbend-pd.yaml"})
	if err != nil {
		log.Fatal(err) // every error, each with its file:line:column
	}
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	for i, f := range res.Findings {
		if f.Severity == analysis.High {
			fmt.Printf("F%d %s %s at %s\n", i+1, f.Rule, f.Subject, f.At)
		}
	}
	// Output:
	// F1 advanced-authentication annex-ws at ../samples/riverbend-pd.yaml:91:5
	// F2 advanced-authentication rpd-ws at ../samples/riverbend-pd.yaml:64:5
	// F3 missing-boundary rpd-annex at ../samples/riverbend-pd.yaml:28:5
	// F4 unencrypted-exit annex-fiber at ../samples/riverbend-pd.yaml:150:5
	// F5 unencrypted-exit annex-ws-link at ../samples/riverbend-pd.yaml:155:5
	// F6 unencrypted-exit rpd-fw-city at ../samples/riverbend-pd.yaml:146:5
	// F7 weak-wireless rpd-ap at ../samples/riverbend-pd.yaml:80:5
}

// Explain a rule: its summary and the policy it enforces.
func ExampleFindRule() {
	r, err := analysis.FindRule("missing-boundary")
	if err != nil {
		log.Fatal(err) // an unknown id, with the nearest known one
	}
	fmt.Println(r.Summary)
	for _, p := range r.Policy {
		fmt.Println("-", p)
	}
	// Output:
	// A device of a non-criminal-justice, internet or public zone reaches a CJI device of the site without crossing a firewall or ACL.
	// - CJIS Security Policy 5.10.1.1
	// - NIST SP 800-53 SC-7
	// - NIST SP 800-53 AC-4
}
