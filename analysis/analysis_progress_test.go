package analysis

import (
	"strings"
	"testing"
)

func TestRunReportsProgress(t *testing.T) {
	m := attributeModel(t, `sites: [{id: pd, security: physically-secure}]
devices:
  - {id: ws, type: workstation, site: pd, zone: cji}
links:
  - {id: l, a: hub, b: ws, medium: fiber}
`)
	pack := DefaultPack(Rules())
	rc := pack.Rules["shared-risk"]
	rc.Enabled = false
	pack.Rules["shared-risk"] = rc
	var steps []string
	last := -1
	_, err := Run(m, Config{Pack: pack, Progress: func(step string, done, total int) {
		if done != last+1 || total != len(Rules()) {
			t.Errorf("step %s: done %d of %d after %d", step, done, total, last)
		}
		last = done
		steps = append(steps, step)
	}})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	want = append(want, "graphs")
	for _, r := range Rules() {
		if r.ID != "shared-risk" {
			want = append(want, r.ID)
		}
	}
	if strings.Join(steps, " ") != strings.Join(want, " ") {
		t.Errorf("steps:\n%v\nwant:\n%v", steps, want)
	}
}
