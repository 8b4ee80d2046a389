package analysis

import "fmt"

// DefaultPackName is the pack a review applies unless told otherwise.
const DefaultPackName = "cjis-6.0"

// BuiltinPack returns the built-in pack with the name (cjis-6.0, cjis-5.9).
// (Placeholder until the packs land: every rule with its defaults.)
func BuiltinPack(name string) (*Pack, error) {
	switch name {
	case "cjis-6.0", "cjis-5.9":
		p := DefaultPack(Rules())
		p.Name = name
		p.Policy = name[len("cjis-"):]
		return p, nil
	}
	return nil, fmt.Errorf("unknown policy pack %q (built in: cjis-6.0, cjis-5.9)", name)
}

// ReadPackFile loads a rule pack from a YAML file. (Placeholder.)
func ReadPackFile(path string) (*Pack, error) {
	return nil, fmt.Errorf("%s: rule pack files are not supported yet", path)
}
