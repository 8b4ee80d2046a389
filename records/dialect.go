package records

import (
	"strconv"
	"strings"
)

// dialect is what differs between SQLite and PostgreSQL in the SQL netreview
// writes: the auto-numbered key, the byte-string type, parameter markers and
// how to list tables. Everything else is common SQL.
type dialect struct {
	name        string
	serial      string // the type of an auto-numbered primary key
	blob        string
	dollars     bool // parameters are $1, $2... rather than ?
	tablesQuery string
}

var (
	sqlite = dialect{
		name:        "sqlite",
		serial:      "INTEGER", // INTEGER PRIMARY KEY is SQLite's rowid
		blob:        "BLOB",
		tablesQuery: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
	}
	postgres = dialect{
		name:        "postgres",
		serial:      "BIGSERIAL",
		blob:        "BYTEA",
		dollars:     true,
		tablesQuery: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
	}
)

// expand fills a migration's {{serial}} and {{blob}} placeholders.
func (d dialect) expand(sql string) string {
	return strings.NewReplacer("{{serial}}", d.serial, "{{blob}}", d.blob).Replace(sql)
}

// bind rewrites the ? parameter markers of query for the dialect. The
// queries netreview writes have no ? inside string literals.
func (d dialect) bind(query string) string {
	if !d.dollars {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
