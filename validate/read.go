// Package validate runs a PETRARCH validation-record file (such as
// PETR.UnitTest.records.xml) against a petrel coder and reports, per
// record and per category, whether the coder produced the events the file
// expects.
//
// The file names its dictionaries in an <Environment> element; they are
// read with petrel/dict/petrarch once and handed to a Build function, which
// returns the coder to test. <Config> elements change PETRARCH options
// (require_dyad, new_actor_length, ...) for the records that follow them;
// Build is called once for each distinct configuration. Each record's
// <Text> is coded as a one-sentence article; its <Parse> is ignored, since
// petrel codes from raw text. docs/VALIDATION.md gives the comparison rules.
package validate

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Config is the PETRARCH configuration in force for a record: the two
// options that change what is coded, and every option as written.
// The zero Config is not PETRARCH's default; use DefaultConfig.
type Config struct {
	// RequireDyad drops events that lack a source or a target
	// (PETR_config.ini require_dyad, true by default).
	RequireDyad bool
	// NewActorLength, when positive, lets an uncoded noun phrase of up to
	// that many words stand as an actor, written as its quoted upper-case
	// text (PETR_config.ini new_actor_length, 0 by default).
	NewActorLength int
	// Options holds every option by lower-case name, with PETR_config.ini's
	// defaults for those the file does not set. It must not be modified:
	// records share it.
	Options map[string]string
}

// DefaultConfig returns PETRARCH's configuration before any <Config>
// element: the values of the PETR_config.ini that ships with PETRARCH-2.
func DefaultConfig() Config {
	return Config{
		RequireDyad: true,
		Options: map[string]string{
			"require_dyad":     "True",
			"new_actor_length": "0",
			"stop_on_error":    "False",
			"comma_min":        "2",
			"comma_max":        "8",
			"comma_bmin":       "0",
			"comma_bmax":       "0",
			"comma_emin":       "2",
			"comma_emax":       "8",
		},
	}
}

// With returns a copy of c with option set to value, as a <Config
// option=".." value=".."> element would set it. Booleans are read as
// PETRARCH reads them (true/false, yes/no, on/off, 1/0, any case).
func (c Config) With(option, value string) (Config, error) {
	option = strings.ToLower(strings.TrimSpace(option))
	value = strings.TrimSpace(value)
	opts := make(map[string]string, len(c.Options)+1)
	for k, v := range c.Options {
		opts[k] = v
	}
	opts[option] = value
	c.Options = opts
	switch option {
	case "require_dyad":
		b, err := parseBool(value)
		if err != nil {
			return c, fmt.Errorf("config require_dyad: %w", err)
		}
		c.RequireDyad = b
	case "new_actor_length":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return c, fmt.Errorf("config new_actor_length: %q is not a count", value)
		}
		c.NewActorLength = n
	}
	return c, nil
}

// Key returns a string that is equal for equal configurations.
func (c Config) Key() string {
	keys := make([]string, 0, len(c.Options))
	for k := range c.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "require_dyad=%v;new_actor_length=%d", c.RequireDyad, c.NewActorLength)
	for _, k := range keys {
		if k == "require_dyad" || k == "new_actor_length" {
			continue
		}
		fmt.Fprintf(&b, ";%s=%s", k, strings.ToLower(c.Options[k]))
	}
	return b.String()
}

// parseBool reads a boolean the way Python's ConfigParser.getboolean does.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "1", "yes", "true", "on":
		return true, nil
	case "0", "no", "false", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a boolean", s)
}

// Environment is a validation file's <Environment>: its dictionaries,
// resolved against the file's directory, and its initial configuration.
type Environment struct {
	Dir         string   // the directory of the XML file
	Verbfile    string   // path of the verb dictionary
	Actorfiles  []string // paths of the actor dictionaries
	Agentfile   string
	Discardfile string
	Issuefile   string   // optional; PETRARCH's unit tests have none
	Include     []string // the categories <Include> lists, as written
	Config      Config   // the configuration before the first record
}

// Triple is one expected or coded event: source actor code, target actor
// code and CAMEO event code, written as PETRARCH writes them ("---" for a
// null actor, "---GOV" for an agent with no actor).
type Triple struct {
	Source, Target, Code string
}

// String formats the triple as "SOURCE TARGET CODE".
func (t Triple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// Record is one <Sentence> of a validation file.
type Record struct {
	ID string
	// Category is PETRARCH's category, upper-cased and folded onto the
	// standard ones: AGENTS is AGENT, COMPOUNDx is COMPOUND.
	Category string
	Date     string // YYYYMMDD, as written
	Text     string // whitespace-normalised
	Expected []Triple
	NoEvents bool // <EventCoding noevents="True">
	// ExpectError is the error="..." of an <EventCoding>: "storydiscard",
	// "sentencediscard", "dateline" or "bad_input_parse".
	ExpectError string
	// NotImplemented is set for sentence="false" records, which PETRARCH
	// marks as tests of features it does not implement. They are scored
	// like the others (PETRARCH's own figures count them).
	NotImplemented bool
	Config         Config // the configuration in force for the record
	Line           int    // line of the <Sentence> tag
}

// Categories are PETRARCH's record categories in the order its unit-test
// file introduces them, the order of the report table.
var Categories = []string{"DEMO", "COMPOUND", "SYNSET", "PATTERN", "AGENT", "VERB", "DATE", "MODIFY", "ACTOR", "PARSING", "ERROR"}

// FoldCategory maps a category as written onto PETRARCH's standard ones:
// upper case, and a standard category followed by anything (AGENTS,
// COMPOUNDx) is that category.
func FoldCategory(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	for _, std := range Categories {
		if strings.HasPrefix(c, std) {
			return std
		}
	}
	return c
}

// ReadFile parses a validation-record file: its <Environment> and its
// <Sentence> records in file order, each with the <Config> in force for it.
// Reading stops at a <Stop> element, as PETRARCH stops. Dictionary paths are
// resolved against the directory of path.
func ReadFile(path string) (env *Environment, recs []*Record, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open validation file: %w", err)
	}
	defer f.Close()
	env, recs, err = read(f, filepath.Dir(path))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return env, recs, nil
}

// xmlConfig is a <Config option=".." value=".."> element.
type xmlConfig struct {
	Option string `xml:"option,attr"`
	Value  string `xml:"value,attr"`
}

// xmlCoding is an <EventCoding> element.
type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Event    string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

func read(r io.Reader, dir string) (*Environment, []*Record, error) {
	dec := xml.NewDecoder(r)
	env := &Environment{Dir: dir, Config: DefaultConfig()}
	cfg := env.Config
	var (
		recs    []*Record
		cur     *Record
		inEnv   bool
		sawEnv  bool
		stopped bool
	)
	resolve := func(name string) string {
		name = strings.TrimSpace(name)
		if name == "" || filepath.IsAbs(name) {
			return name
		}
		return filepath.Join(dir, name)
	}
	for !stopped {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := dec.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "Environment":
				inEnv, sawEnv = true, true
			case inEnv && name != "Config":
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return nil, nil, fmt.Errorf("line %d: <%s>: %w", line, name, err)
				}
				switch name {
				case "Verbfile":
					env.Verbfile = resolve(s)
				case "Actorfile":
					for _, a := range strings.Split(s, ",") {
						if a = resolve(a); a != "" {
							env.Actorfiles = append(env.Actorfiles, a)
						}
					}
				case "Agentfile":
					env.Agentfile = resolve(s)
				case "Discardfile":
					env.Discardfile = resolve(s)
				case "Issuefile":
					env.Issuefile = resolve(s)
				case "Include":
					env.Include = strings.Fields(s)
				}
			case name == "Config":
				var c xmlConfig
				if err := dec.DecodeElement(&c, &t); err != nil {
					return nil, nil, fmt.Errorf("line %d: <Config>: %w", line, err)
				}
				next, err := cfg.With(c.Option, c.Value)
				if err != nil {
					return nil, nil, fmt.Errorf("line %d: %w", line, err)
				}
				cfg = next
				if inEnv {
					env.Config = cfg
				}
				if cur != nil {
					cur.Config = cfg
				}
			case name == "Stop":
				stopped = true
			case name == "Sentence":
				cur = &Record{Line: line, Config: cfg}
				for _, a := range t.Attr {
					v := strings.TrimSpace(a.Value)
					switch a.Name.Local {
					case "id":
						cur.ID = v
					case "date":
						cur.Date = v
					case "category":
						cur.Category = FoldCategory(v)
					case "sentence":
						cur.NotImplemented = strings.EqualFold(v, "false")
					}
				}
			case cur != nil && name == "EventCoding":
				var c xmlCoding
				if err := dec.DecodeElement(&c, &t); err != nil {
					return nil, nil, fmt.Errorf("line %d: <EventCoding>: %w", line, err)
				}
				switch {
				case c.Error != "":
					cur.ExpectError = strings.ToLower(strings.TrimSpace(c.Error))
				case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
					cur.NoEvents = true
				default:
					cur.Expected = append(cur.Expected, Triple{
						Source: normCode(c.Source), Target: normCode(c.Target), Code: strings.TrimSpace(c.Event),
					})
				}
			case cur != nil && name == "Text":
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return nil, nil, fmt.Errorf("line %d: <Text>: %w", line, err)
				}
				cur.Text = strings.Join(strings.Fields(s), " ")
			case cur != nil && name == "Parse":
				if err := dec.Skip(); err != nil {
					return nil, nil, fmt.Errorf("line %d: <Parse>: %w", line, err)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Environment":
				inEnv = false
			case "Sentence":
				if cur != nil {
					recs = append(recs, cur)
					cur = nil
				}
			}
		}
	}
	if !sawEnv {
		return nil, nil, errors.New("no <Environment> element")
	}
	if env.Verbfile == "" || len(env.Actorfiles) == 0 {
		return nil, nil, errors.New("<Environment> needs a <Verbfile> and an <Actorfile>")
	}
	return env, recs, nil
}

// normCode normalises an actor code from the file or the coder: trimmed,
// upper-cased, "---" for none. A quoted new-actor text is kept in quotes.
func normCode(s string) string {
	s = strings.ToUpper(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return "---"
	}
	return s
}
