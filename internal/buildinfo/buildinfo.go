// Package buildinfo tells which build of netreview is running, from what
// the Go toolchain records in the binary (runtime/debug.ReadBuildInfo).
package buildinfo

import (
	"runtime/debug"
	"strings"
	"time"
)

// Unknown is the version of a build that records none: `go run` and `go
// test` in a checkout, or `go build -buildvcs=false` outside a module
// download.
const Unknown = "unknown"

// Info is what a build records about itself.
type Info struct {
	// Version is the release (v1.2.0), the module pseudo-version the Go
	// toolchain derives from the commit (v0.0.0-20261129214602-c6a8f33d81c7),
	// or, failing both, "devel-" and the commit's first 12 digits; Unknown
	// when the build records none of them.
	Version string
	// Revision is the commit the binary was built from, "" when unknown.
	Revision string
	// Time is the commit's time, zero when unknown.
	Time time.Time
	// Modified is true when the checkout had uncommitted changes.
	Modified bool
	// GoVersion is the toolchain that built the binary (go1.26.8).
	GoVersion string
}

// Read returns the running binary's Info. A version set at link time
// (-ldflags "-X main.version=v1.2.3"), when not empty, wins over what the
// toolchain recorded.
func Read(linked string) Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return FromBuildInfo(linked, bi)
}

// FromBuildInfo is Read for a given build record (nil when there is none).
func FromBuildInfo(linked string, bi *debug.BuildInfo) Info {
	var in Info
	if bi != nil {
		in.GoVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				in.Revision = s.Value
			case "vcs.time":
				in.Time, _ = time.Parse(time.RFC3339, s.Value)
			case "vcs.modified":
				in.Modified = s.Value == "true"
			}
		}
	}
	switch {
	case linked != "":
		in.Version = linked
	case bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)":
		in.Version = bi.Main.Version
	case in.Revision != "":
		in.Version = "devel-" + short(in.Revision)
		if in.Modified {
			in.Version += "+dirty"
		}
	default:
		in.Version = Unknown
	}
	return in
}

// Details is a line for `netreview version`: the commit, its date and the
// toolchain, as far as they are known ("" when nothing is).
func (in Info) Details() string {
	var parts []string
	if in.Version == Unknown {
		parts = append(parts, "no version recorded (go run, go test or -buildvcs=false; 'make build' records one)")
	}
	if in.Revision != "" {
		c := "commit " + short(in.Revision)
		if in.Modified {
			c += " with uncommitted changes"
		}
		parts = append(parts, c)
	}
	if !in.Time.IsZero() {
		parts = append(parts, in.Time.UTC().Format("2006-01-02"))
	}
	if in.GoVersion != "" {
		parts = append(parts, "built with "+in.GoVersion)
	}
	return strings.Join(parts, ", ")
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
