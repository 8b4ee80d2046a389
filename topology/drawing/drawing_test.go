package drawing

import "flag"

var update = flag.Bool("update", false, "rewrite the generated fixtures and golden files")
