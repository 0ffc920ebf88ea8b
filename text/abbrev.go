package text

// Abbreviation classes decide what a period after a word means.
const (
	abNone  uint8 = iota // not an abbreviation: the period is punctuation
	abTitle              // a title before a name ("Gen."): never ends a sentence before a capital
	abWeak               // usually mid-sentence ("U.S.", "Inc.", "Jan."), but ends one before a sentence starter
	abNum                // "No.": an abbreviation only before a number
)

// abCapOnly is set, beside the class in the low bits, on the abbrevs
// entries that are only recognised with an upper-case first letter, so
// that "ill." or "mass." at the end of a sentence stay words.
const abCapOnly uint8 = 0x80

// abbrevs maps the lower-case form of an abbreviation, without its final
// period, to its class. Keys are at most maxAbbrev bytes.
var abbrevs = map[string]uint8{
	// titles
	"mr": abTitle, "mrs": abTitle, "ms": abTitle | abCapOnly, "dr": abTitle, "gen": abTitle | abCapOnly,
	"lt": abTitle, "col": abTitle | abCapOnly, "maj": abTitle, "capt": abTitle, "sgt": abTitle,
	"adm": abTitle, "gov": abTitle | abCapOnly, "sen": abTitle | abCapOnly, "rep": abTitle | abCapOnly,
	"rev": abTitle | abCapOnly, "prof": abTitle | abCapOnly, "pres": abTitle | abCapOnly,
	"messrs": abTitle, "mme": abTitle, "mlle": abTitle, "brig": abTitle | abCapOnly,
	"cmdr": abTitle, "cdr": abTitle, "cpl": abTitle, "pvt": abTitle, "gens": abTitle | abCapOnly,
	"hon": abTitle | abCapOnly, "supt": abTitle, "insp": abTitle, "det": abTitle | abCapOnly,
	"fr": abTitle | abCapOnly, "atty": abTitle, "lieut": abTitle, "cmdt": abTitle,
	"sens": abTitle | abCapOnly, "reps": abTitle | abCapOnly,
	// name suffixes and places
	"st": abWeak | abCapOnly, "sr": abWeak | abCapOnly, "jr": abWeak | abCapOnly,
	"mt": abWeak | abCapOnly, "ft": abWeak | abCapOnly, "ave": abWeak | abCapOnly,
	"blvd": abWeak | abCapOnly, "rd": abWeak | abCapOnly,
	// months (May, June, July are never abbreviated with a period)
	"jan": abWeak | abCapOnly, "feb": abWeak | abCapOnly, "mar": abWeak | abCapOnly,
	"apr": abWeak | abCapOnly, "jun": abWeak | abCapOnly, "jul": abWeak | abCapOnly,
	"aug": abWeak | abCapOnly, "sep": abWeak | abCapOnly, "sept": abWeak | abCapOnly,
	"oct": abWeak | abCapOnly, "nov": abWeak | abCapOnly, "dec": abWeak | abCapOnly,
	// corporate
	"co": abWeak | abCapOnly, "corp": abWeak | abCapOnly, "inc": abWeak | abCapOnly,
	"ltd": abWeak | abCapOnly, "bros": abWeak | abCapOnly, "cos": abWeak | abCapOnly,
	"dept": abWeak | abCapOnly, "univ": abWeak | abCapOnly, "assn": abWeak | abCapOnly,
	"intl": abWeak | abCapOnly,
	// US states in AP style
	"ala": abWeak | abCapOnly, "ariz": abWeak | abCapOnly, "ark": abWeak | abCapOnly,
	"calif": abWeak | abCapOnly, "colo": abWeak | abCapOnly, "conn": abWeak | abCapOnly,
	"del": abWeak | abCapOnly, "fla": abWeak | abCapOnly, "ga": abWeak | abCapOnly,
	"ill": abWeak | abCapOnly, "ind": abWeak | abCapOnly, "kan": abWeak | abCapOnly,
	"ky": abWeak | abCapOnly, "la": abWeak | abCapOnly, "md": abWeak | abCapOnly,
	"mass": abWeak | abCapOnly, "mich": abWeak | abCapOnly, "minn": abWeak | abCapOnly,
	"miss": abWeak | abCapOnly, "mo": abWeak | abCapOnly, "mont": abWeak | abCapOnly,
	"neb": abWeak | abCapOnly, "nev": abWeak | abCapOnly, "okla": abWeak | abCapOnly,
	"ore": abWeak | abCapOnly, "pa": abWeak | abCapOnly, "tenn": abWeak | abCapOnly,
	"tex": abWeak | abCapOnly, "vt": abWeak | abCapOnly, "va": abWeak | abCapOnly,
	"wash": abWeak | abCapOnly, "wis": abWeak | abCapOnly, "wyo": abWeak | abCapOnly,
	// others, in any case
	"vs": abWeak, "etc": abWeak, "approx": abWeak, "est": abWeak, "al": abWeak,
	"cf": abWeak, "ca": abWeak, "viz": abWeak, "resp": abWeak, "fig": abWeak,
	"ph.d": abWeak, "no": abNum, "nos": abNum, "vol": abNum, "art": abNum | abCapOnly,
	"op": abNum | abCapOnly, "pp": abNum, "p": abNum,
}

// maxAbbrev is the length of the longest key in abbrevs ("messrs").
const maxAbbrev = 6

// abbrevClass returns the class of the word w that is followed by a
// period. w holds only ASCII letters and periods (the caller scanned it so).
// Letter-period series ("U.S", "a.m", "e.g") and single capital initials
// ("W" in "George W. Bush") are weak abbreviations.
func abbrevClass(w string) uint8 {
	if len(w) == 0 || len(w) > maxAbbrev {
		return abNone
	}
	if len(w) == 1 {
		if asciiClass[w[0]] == cUpper {
			return abWeak
		}
		if w[0] == 'p' { // "p. 12"
			return abNum
		}
		return abNone
	}
	// Letter-period series: every segment is a single letter.
	if w[1] == '.' {
		series := true
		for k := 0; k < len(w); k++ {
			if (k%2 == 0) != (w[k] != '.') {
				series = false
				break
			}
		}
		if series {
			return abWeak
		}
	}
	// Lower-case into a stack buffer: converting buf[:n] to string in a
	// map index expression does not allocate.
	var buf [maxAbbrev]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	v, ok := abbrevs[string(buf[:len(w)])]
	if !ok {
		return abNone
	}
	if v&abCapOnly != 0 && asciiClass[w[0]] != cUpper {
		return abNone
	}
	return v &^ abCapOnly
}

// starters are capitalised words that begin sentences far more often than
// they continue a name: after a weak abbreviation ("the U.S. The talks")
// they signal a new sentence. "And", "Or" and nouns such as "Officials"
// are left out on purpose: Reuters-21578 capitalises the word after
// "U.S." ("U.S. And Canadian banks", "U.S. Officials said").
var starters = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "That": true, "These": true, "Those": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "My": true,
	"But": true, "So": true, "Yet": true,
	"In": true, "On": true, "At": true, "For": true, "From": true, "With": true, "By": true,
	"As": true, "After": true, "Before": true, "When": true, "While": true, "If": true,
	"Although": true, "Though": true, "Because": true, "Since": true, "During": true,
	"There": true, "Here": true, "However": true, "Meanwhile": true, "Also": true,
	"Some": true, "Many": true, "Most": true, "All": true,
	"Both": true, "Such": true, "Still": true, "Earlier": true, "Later": true, "Last": true,
	"What": true, "Who": true, "Why": true, "How": true,
	"THE": true,
}

// maxStarter is the length of the longest key in starters.
const maxStarter = 9
