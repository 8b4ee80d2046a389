package topology_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/netreview/netreview/topology"
)

// Decoding and validation each report every error at once, each with its
// file:line:column: Decode the shape of each file (unknown fields, values
// outside their list), Validate the model that the files make together
// (duplicate ids, references to ids that no file defines).
func ExampleDecode() {
	src := `netreview: 1
agency:
  name: Riverbend Police Department
  ori: CA0420100
sites:
  - id: hq
    name: Headquarters
    security: physically-secure
devices:
  - id: rtr
    type: router
    site: hq
    zone: cji
    monitring: siem
`
	_, err := topology.Decode("proposal.yaml", []byte(src))
	printErrors(err)

	fixed := strings.Replace(src, "monitring", "monitoring", 1)
	m, err := topology.Decode("proposal.yaml", []byte(fixed))
	if err != nil {
		log.Fatal(err)
	}
	printErrors(topology.Validate(m))
	// Output:
	// proposal.yaml:14:5: unknown field "monitring" in a device (did you mean "monitoring"?)
	// proposal.yaml:13:11: zone "cji" is not defined in any loaded file
}

func printErrors(err error) {
	var errs topology.ErrorList
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Println(e)
		}
	}
}

// SetField sets a field of an element from its name and a text value, as a
// workbook cell or a drawing's shape property holds it, with the workbook
// reader's checks and messages; Validate then checks the model as for any
// other input.
func ExampleSetField() {
	at := topology.Pos{File: "network.drawio", Line: 12, Col: 3}
	d := &topology.Device{ID: "mdt", Type: topology.MobileDevice, Site: "car", Zones: []string{"cji"}}
	for _, p := range [][2]string{{"count", "40"}, {"Authentication", "Advanced"}, {"risks", "carrier:verizon, power:car"}, {"cji", "maybe"}, {"color", "red"}} {
		if err := topology.SetField(d, p[0], p[1], at); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(d.Count, d.Authentication, d.Risks, d.FieldPos.Of("risks[1]", topology.Pos{}))
	// Output:
	// network.drawio:12:3: cji: want true or false (or yes or no), got "maybe"
	// network.drawio:12:3: unknown field "color" for a device
	// 40 advanced [carrier:verizon power:car] network.drawio:12:3
}
