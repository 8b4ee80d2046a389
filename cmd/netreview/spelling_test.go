package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// britishSpelling matches British spellings of words netreview's output
// and documents use; its users are American ("authorized", "colored",
// "center"). The contract's own copy (docs/proposal-format.md) is left as
// the state wrote it, and "fibre" is not listed: drawings accept it as a
// medium, as agencies write it.
var britishSpelling = regexp.MustCompile(`^(?i)(colour(s|ed|ing)?|behaviours?|neighbour\w*|centres?|centred|licences?|defence|catalogue|programmes?|analys(e|ed|ing)|grey|modell(ing|ed)|labell(ed|ing)|cancell(ed|ing)|tunnell(ed|ing)|judgement|whilst|misspelt|(milli)?metres?|(organ|author|unauthor|summar|normal|serial|raster|virtual|optim|initial|neutral|recogn|minim|priorit|custom|visual|util|real|central|random|standard|categor|sanit)is(e|ed|es|ing|ation|ations))$`)

// TestAmericanSpelling reads every text file of the repository: the
// README, the docs, the samples, the help and messages in the Go sources
// and the golden files.
func TestAmericanSpelling(t *testing.T) {
	t.Parallel()
	self, _ := filepath.Abs("spelling_test.go")
	exts := map[string]bool{".go": true, ".md": true, ".yaml": true, ".yml": true, ".golden": true, ".json": true, ".dot": true, ".svg": true, ".html": true, ".txt": true}
	checked := map[string]bool{} // each word is matched once: 3.7 MB of text
	err := filepath.WalkDir(repo, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "bin" || name == "dist" {
				return filepath.SkipDir
			}
			return nil
		}
		if !exts[filepath.Ext(p)] || filepath.ToSlash(p) == repo+"/docs/proposal-format.md" {
			return nil
		}
		if abs, _ := filepath.Abs(p); abs == self {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, w := range words(line) {
				british, seen := checked[w]
				if !seen {
					british = britishSpelling.MatchString(w)
					checked[w] = british
				}
				if british {
					t.Errorf("%s:%d: British spelling %q", p, i+1, w)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// words returns the runs of ASCII word characters (what \w matches) in
// line: britishSpelling matches a whole word.
func words(line string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(line); i++ {
		word := i < len(line) && (line[i] == '_' || '0' <= line[i] && line[i] <= '9' || 'a' <= line[i]|0x20 && line[i]|0x20 <= 'z')
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, line[start:i])
			start = -1
		}
	}
	return out
}
