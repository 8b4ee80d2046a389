package zoo

import (
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *Graph
		wantErr string
	}{
		{
			name: "parallel edges kept",
			in: `<graphml><graph edgedefault="undirected">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"/><edge source="b" target="a"/><edge source="b" target="c"/>
</graph></graphml>`,
			want: &Graph{Name: "t", Nodes: []string{"a", "b", "c"}, Edges: [][2]int{{0, 1}, {1, 0}, {1, 2}}},
		},
		{
			name:    "unknown node",
			in:      `<graphml><graph><node id="a"/><edge source="a" target="z"/></graph></graphml>`,
			wantErr: `unknown node`,
		},
		{
			name:    "duplicate node",
			in:      `<graphml><graph><node id="a"/><node id="a"/></graph></graphml>`,
			wantErr: `appears twice`,
		},
		{
			name:    "not xml",
			in:      `<graphml><graph>`,
			wantErr: `t:`,
		},
		{
			name:    "no graph",
			in:      `<graphml></graphml>`,
			wantErr: `0 graphs`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.in), "t")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
