package sheet

import (
	"testing"
	"testing/fstest"
)

// FuzzCSV feeds arbitrary bytes to the CSV reader as each of the sheet files:
// it must return a model or errors, never panic.
func FuzzCSV(f *testing.F) {
	f.Add("devices.csv", []byte("id,type,zones,count,cji\nd1,router,\"a, b\",2,yes\n"))
	f.Add("links.csv", []byte("id,a,b,key bits,encryption,over\nl1,x,y,256,ipsec,\n"))
	f.Add("agency.csv", []byte("Field,Value\nnetreview,1\nsubmitted,45000\n"))
	f.Add("waivers.csv", []byte("rule,expires\nr,2027-01-02\n\"x\"y\n"))
	f.Add("tunnels.csv", []byte("\ufeffover,zone,zones\n,,,,,\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || len(name) > 20 {
			name = "links.csv"
		}
		fsys := fstest.MapFS{name: &fstest.MapFile{Data: data}}
		m, _, err := readCSV(fsys, "dir")
		if err == nil && (m == nil || len(m.Docs) != 1) {
			t.Fatalf("no error and no fragment: %v", m)
		}
	})
}
