package records

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/netreview/netreview/analysis"
)

// newFinding records f as `check --format json` prints it.
func newFinding(f analysis.Finding) (Finding, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return Finding{}, fmt.Errorf("finding %s/%s: %w", f.Rule, f.Subject, err)
	}
	return Finding{Rule: f.Rule, Subject: f.Subject, Severity: f.Severity, Waived: f.Waived,
		JSON: json.RawMessage(bytes.TrimRight(buf.Bytes(), "\n"))}, nil
}

// parseFinding reads a finding in the form `check --format json` prints.
func parseFinding(raw json.RawMessage) (Finding, error) {
	var f struct {
		Rule     *string            `json:"rule"`
		Subject  *string            `json:"subject"`
		Severity *analysis.Severity `json:"severity"`
		Waived   bool               `json:"waived"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return Finding{}, fmt.Errorf("not a finding: %w", err)
	}
	switch {
	case f.Rule == nil || *f.Rule == "":
		return Finding{}, fmt.Errorf("a finding needs a rule")
	case f.Subject == nil:
		return Finding{}, fmt.Errorf("finding %s needs a subject", *f.Rule)
	case f.Severity == nil:
		return Finding{}, fmt.Errorf("finding %s/%s needs a severity", *f.Rule, *f.Subject)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		return Finding{}, err
	}
	return Finding{Rule: *f.Rule, Subject: *f.Subject, Severity: *f.Severity, Waived: f.Waived, JSON: compact.Bytes()}, nil
}

// HashInputs hashes the files a review reads, by content (SHA-256). A
// folder of CSV files is hashed file by file, in name order.
func HashInputs(paths []string) ([]Input, error) {
	var out []Input
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			in, err := hashFile(p)
			if err != nil {
				return nil, err
			}
			out = append(out, in)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			in, err := hashFile(filepath.Join(p, e.Name()))
			if err != nil {
				return nil, err
			}
			out = append(out, in)
		}
	}
	return out, nil
}

func hashFile(path string) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", path, err)
	}
	return Input{Path: path, SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// HashBytes is the SHA-256 of b, in hex, as the record keeps a plan's.
func HashBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
