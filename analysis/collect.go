package analysis

import (
	"cmp"
	"slices"

	"github.com/netreview/netreview/internal/parallel"
)

// chunkLen is how many findings a chunk of a findingList holds.
const chunkLen = 512

// findingList collects the findings of a Run as the rules report them, in
// chunks of chunkLen, and remembers which run of them each rule reported
// (a rule's findings are consecutive, since rules run one after another).
// A slice that grows by append would copy every finding several times over
// (growth by a quarter at this size), 5 times the final size in all at
// 42,000 findings; the chunks are copied once, in order, by sorted.
type findingList struct {
	chunks [][]Finding
	n      int
	runs   []ruleRun
}

// ruleRun is the findings of one rule: [start, end) of the list.
type ruleRun struct {
	sev        Severity
	rule       string
	start, end int
	list       *findingList
}

func (l *findingList) add(f Finding) {
	if l.n%chunkLen == 0 {
		l.chunks = append(l.chunks, make([]Finding, 0, chunkLen))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, f)
	l.n++
}

func (l *findingList) at(i int) *Finding { return &l.chunks[i/chunkLen][i%chunkLen] }

// beginRule starts the run of a rule's findings.
func (l *findingList) beginRule(id string, sev Severity) {
	l.runs = append(l.runs, ruleRun{sev: sev, rule: id, start: l.n, end: l.n, list: l})
}

// endRule ends the run that beginRule started.
func (l *findingList) endRule() { l.runs[len(l.runs)-1].end = l.n }

// sorted returns the findings in one slice, ordered by severity (most
// severe first), then rule, then subject, and otherwise as reported. A rule's findings share its id and severity, so the order is that
// of the rules by severity (most severe first) and id, and within each rule
// a stable sort by subject, which most rules' findings already are.
func (l *findingList) sorted() []Finding { return sortedFindings(l) }

// sortedFindings is sorted over the runs of several lists together, such
// as those of rules that ran at the same time, each into its own list.
func sortedFindings(lists ...*findingList) []Finding {
	n := 0
	var runs []ruleRun
	for _, l := range lists {
		n += l.n
		runs = append(runs, l.runs...)
	}
	if n == 0 {
		return nil
	}
	slices.SortStableFunc(runs, func(a, b ruleRun) int {
		if a.sev != b.sev {
			return cmp.Compare(b.sev, a.sev)
		}
		return cmp.Compare(a.rule, b.rule)
	})
	// Each run goes to its own place in out, so the runs are copied side
	// by side: at 400,000 findings the copy is a hundred megabytes.
	out := make([]Finding, n)
	tasks := make([]func(), 0, len(runs))
	at := 0
	for _, r := range runs {
		dst := out[at : at+r.end-r.start]
		at += len(dst)
		tasks = append(tasks, func() { r.copySorted(dst) })
	}
	parallel.Run(tasks...)
	return out
}

// copySorted copies the run's findings into dst, stably sorted by subject.
func (r ruleRun) copySorted(dst []Finding) {
	l := r.list
	inOrder := true
	for i := r.start + 1; i < r.end && inOrder; i++ {
		inOrder = l.at(i-1).Subject <= l.at(i).Subject
	}
	if inOrder {
		// A chunk's stretch at a time: one bulk copy, not a copy and its
		// write barriers a finding at a time.
		for i := r.start; i < r.end; {
			i += copy(dst[i-r.start:], l.chunks[i/chunkLen][i%chunkLen:])
		}
		return
	}
	idx := make([]int32, 0, r.end-r.start)
	for i := r.start; i < r.end; i++ {
		idx = append(idx, int32(i))
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return cmp.Compare(l.at(int(a)).Subject, l.at(int(b)).Subject) })
	for k, i := range idx {
		dst[k] = *l.at(int(i))
	}
}
