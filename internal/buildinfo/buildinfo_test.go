package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	const noVersion = "no version recorded (go run, go test or -buildvcs=false; 'make build' records one)"
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "c6a8f33d81c7328100c94120d46bb3cad7b6e4c8"},
		{Key: "vcs.time", Value: "2026-11-29T21:46:02Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	dirty := append(append([]debug.BuildSetting(nil), vcs[:3]...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	tests := []struct {
		name        string
		linked      string
		bi          *debug.BuildInfo
		wantVersion string
		wantDetails string
	}{
		{"no build record", "", nil, Unknown, noVersion},
		{"go run: (devel), no vcs", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, Unknown, noVersion + ", built with go1.26.8"},
		{"go install module@v1.2.0", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0", "built with go1.26.8"},
		{"go build in a checkout: pseudo-version", "",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261129214602-c6a8f33d81c7"}, Settings: vcs},
			"v0.0.0-20261129214602-c6a8f33d81c7", "commit c6a8f33d81c7, 2026-11-29, built with go1.26.8"},
		{"vcs without a pseudo-version", "",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: dirty},
			"devel-c6a8f33d81c7+dirty", "commit c6a8f33d81c7 with uncommitted changes, 2026-11-29, built with go1.26.8"},
		{"-ldflags -X wins", "v2.0.0",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261129214602-c6a8f33d81c7"}, Settings: vcs},
			"v2.0.0", "commit c6a8f33d81c7, 2026-11-29, built with go1.26.8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := FromBuildInfo(tt.linked, tt.bi)
			if in.Version != tt.wantVersion {
				t.Errorf("Version = %q, want %q", in.Version, tt.wantVersion)
			}
			if got := in.Details(); got != tt.wantDetails {
				t.Errorf("Details = %q, want %q", got, tt.wantDetails)
			}
			if in.Version == "dev" {
				t.Error(`Version is "dev"`)
			}
		})
	}
}
