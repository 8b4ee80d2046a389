package yamlnode

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"a: 1", "a mapping"},
		{"[1, 2]", "a list"},
		{"~", "empty"},
		{"fiber", `"fiber"`},
		{`"two words"`, `"two words"`},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &doc); err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		if got := Describe(doc.Content[0]); got != tt.want {
			t.Errorf("Describe(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
	alias := &yaml.Node{Kind: yaml.AliasNode}
	if got := Describe(alias); got != "an alias" {
		t.Errorf("Describe(alias) = %s", got)
	}
	if got := Describe(&yaml.Node{}); got != "not a value" {
		t.Errorf("Describe(zero node) = %s", got)
	}
}
