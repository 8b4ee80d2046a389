package analysis

import "flag"

// update rewrites the golden files of every test in this package that has
// one: go test ./analysis -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")
