package petrarch

import (
	"fmt"
	"io"
	"strings"

	"petrel"
	"petrel/dict"
)

// ReadActors reads a PETRARCH/TABARI actor dictionary from r into d.Actors.
//
// An entry is a primary line "NAME [CODE]" (the code is optional and may
// carry a date restriction; several "[...]" groups may follow the name),
// then "+SYNONYM" lines adding names, then indented "[CODE restriction]"
// role lines, in any order until the next primary line. Restrictions are
// PETRARCH's, all inclusive: ">DATE" from DATE on, "<DATE" up to DATE,
// "FROM-TO" between; a bare "[CODE]" is the default code. Dates are YYMMDD
// (years 00–30 are 20YY, others 19YY, as in KEDS, TABARI and PETRARCH) or
// YYYYMMDD, written into dict.Role as "YYYY-MM-DD" ("" for an open end).
// A primary line with no code that is followed by another primary line
// shares the codes of the entry that follows, as in PETRARCH-1 (Phoenix
// lists "LEONID_BREZHNEV_", "SECRETARY_BREZHNEV_", ... and then their
// roles); both become names of one dict.Actor.
// Codes are upper-cased; a TABARI multi-code such as "ELR/GAL" is kept as
// written. ";" starts a comment, as in TABARI files, and a line containing
// "---STOP---" ends the file.
//
// Kind and Country are set from the codes (see classify).
func ReadActors(d *dict.Dictionary, file string, r io.Reader, diags *dict.Diagnostics) error {
	lr := newLineReader(file, r, diags)
	lr.semicolon = true
	var cur *dict.Actor
	done := func() {
		if cur == nil {
			return
		}
		if len(cur.Roles) == 0 {
			report(diags, file, cur.Rule.Line, "actor %q has no code", cur.Display)
		}
		classify(cur)
		d.Actors = append(d.Actors, cur)
		cur = nil
	}
	for {
		line, n, ok := lr.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(line)
		if strings.Contains(t, "---STOP---") {
			break
		}
		switch t[0] {
		case '[':
			if cur == nil {
				report(diags, file, n, "role %q before any actor", t)
				continue
			}
			cur.Roles = append(cur.Roles, parseRoles(t, file, n, diags)...)
		case '+':
			if cur == nil {
				report(diags, file, n, "synonym %q before any actor", t)
				continue
			}
			name := t[1:]
			if i := strings.IndexByte(name, '['); i >= 0 {
				report(diags, file, n, "synonym %q: a code after a synonym is ignored", t)
				name = name[:i]
			}
			if p, ok := phrase(name); ok {
				cur.Names = append(cur.Names, p)
			} else {
				report(diags, file, n, "synonym without words")
			}
		default:
			name, codes := t, ""
			if i := strings.IndexByte(t, '['); i >= 0 {
				name, codes = t[:i], t[i:]
			}
			p, ok := phrase(name)
			if !ok {
				report(diags, file, n, "actor line %q has no name", t)
				continue
			}
			if cur != nil && len(cur.Roles) == 0 {
				// PETRARCH-1: an entry without codes shares the codes
				// of the entry that follows it.
				cur.Names = append(cur.Names, p)
				if codes != "" {
					cur.Roles = append(cur.Roles, parseRoles(codes, file, n, diags)...)
				}
				continue
			}
			done()
			cur = &dict.Actor{
				Names:   []dict.Phrase{p},
				Display: display(name),
				Rule:    source(file, n, t),
			}
			if codes != "" {
				cur.Roles = append(cur.Roles, parseRoles(codes, file, n, diags)...)
			}
		}
	}
	done()
	return lr.err()
}

// parseRoles reads every "[CODE restriction]" group of s.
func parseRoles(s, file string, n int, diags *dict.Diagnostics) []dict.Role {
	var roles []dict.Role
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			if strings.TrimSpace(s) != "" {
				report(diags, file, n, "text %q outside [...] ignored", strings.TrimSpace(s))
			}
			return roles
		}
		if pre := strings.TrimSpace(s[:i]); pre != "" {
			report(diags, file, n, "text %q outside [...] ignored", pre)
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			report(diags, file, n, "missing ']' in %q", s[i:])
			return roles
		}
		group := s[i+1 : i+j]
		s = s[i+j+1:]
		role, msg := parseRole(group)
		if msg != "" {
			report(diags, file, n, "role [%s]: %s", strings.TrimSpace(group), msg)
			if role.Code == "" {
				continue
			}
		}
		roles = append(roles, role)
	}
}

// parseRole reads "CODE", "CODE >DATE", "CODE <DATE" or "CODE FROM-TO".
// It returns a role with an empty Code when the group must be skipped;
// a message with a non-empty Code is a warning about a role kept.
func parseRole(group string) (dict.Role, string) {
	f := strings.Fields(group)
	if len(f) == 0 {
		return dict.Role{}, "empty code"
	}
	role := dict.Role{Code: strings.ToUpper(f[0])}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return role, ""
	}
	var warn string
	date := func(s string) (string, bool) {
		iso, w, err := isoDate(s)
		if err != nil {
			return "", false
		}
		if w != "" {
			warn = w
		}
		return iso, true
	}
	switch {
	case rest[0] == '>' || rest[0] == '<':
		d, ok := date(rest[1:])
		if !ok {
			return dict.Role{}, fmt.Sprintf("bad date %q", rest[1:])
		}
		if rest[0] == '>' {
			role.From = d
		} else {
			role.To = d
		}
	case strings.Contains(rest, "-"):
		a, b, _ := strings.Cut(rest, "-")
		from, ok1 := date(a)
		to, ok2 := date(b)
		if !ok1 || !ok2 {
			return dict.Role{}, fmt.Sprintf("bad date range %q", rest)
		}
		if to < from {
			return dict.Role{}, fmt.Sprintf("date range %q ends before it starts", rest)
		}
		role.From, role.To = from, to
	default:
		// PETRARCH-1 reads this as the default code.
		return role, fmt.Sprintf("restriction %q needs <, > or FROM-TO; read as the default code", rest)
	}
	return role, warn
}

// isoDate converts a PETRARCH date, YYMMDD or YYYYMMDD, to "YYYY-MM-DD".
// Two-digit years 00–30 are 20YY, others 19YY (PETRreader.dstr_to_ordate).
// A seven-digit date is read as YYMMDD and a longer one as YYYYMMDD, the
// extra digits ignored, as PETRARCH does; a warning is returned.
func isoDate(s string) (iso, warn string, err error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", "", fmt.Errorf("not a date: %q", s)
		}
	}
	var y, m, d int
	atoi := func(t string) int {
		v := 0
		for i := 0; i < len(t); i++ {
			v = v*10 + int(t[i]-'0')
		}
		return v
	}
	if len(s) > 8 {
		// PETRARCH reads the first eight digits and ignores the rest.
		warn = fmt.Sprintf("date %q has %d digits; read as YYYYMMDD %s", s, len(s), s[:8])
		s = s[:8]
	}
	switch len(s) {
	case 7:
		warn = fmt.Sprintf("date %q has 7 digits; read as YYMMDD %s", s, s[:6])
		s = s[:6]
		fallthrough
	case 6:
		y = atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, d = atoi(s[2:4]), atoi(s[4:6])
	case 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	default:
		return "", "", fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return "", "", fmt.Errorf("date %q: no such day", s)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), warn, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// classify sets Kind and Country from the actor's codes:
//
//   - a group with no country: its code is a TABARI multi-code ("ELR/GAL");
//   - a person: it has dated roles, none of its codes is exactly a
//     country code (Putin: RUSELI, RUSGOV; a state whose code changed over
//     time, like Armenia's ARMUNR then ARM, stays a country) and its
//     undated default code is not an IGO, NGO or MNC one (ABN AMRO:
//     NLDGOVBUS for a while, MNCNLD otherwise);
//   - an IGO: its code starts with IGO;
//   - a group: its code starts with NGO or NGM, or is anything else;
//   - a country: its code is exactly three letters that are an ISO 3166-1
//     alpha-3 code (or a historical one CAMEO uses: SUN, YUG, CSK, DDR,
//     SCG, KSV), or exactly three letters that are not a CAMEO sector code
//     such as IGO, NGO, REB or MIL (the validation suite's invented states,
//     ARN, GON, are countries too).
//
// Country is the first three letters of the default code (or, for a
// person, of the first role that has one) when they are a known
// country code, or the code itself when it is a country.
func classify(a *dict.Actor) {
	code := a.CodeOn("")
	switch {
	case strings.Contains(code, "/"):
		// A TABARI multi-code ("ELR/GAL") names several actors.
		a.Kind = petrel.KindGroup
		return
	case strings.HasPrefix(code, "IGO"):
		a.Kind = petrel.KindIGO
	case strings.HasPrefix(code, "NGO"), strings.HasPrefix(code, "NGM"):
		a.Kind = petrel.KindGroup
	case len(code) == 3 && isAlpha(code) && (iso3[code] || !sector[code]):
		a.Kind = petrel.KindCountry
		a.Country = code
	default:
		a.Kind = petrel.KindGroup
	}
	dated, exactCountry, orgDefault := false, false, false
	for _, r := range a.Roles {
		if r.From != "" || r.To != "" {
			dated = true
		} else if strings.HasPrefix(r.Code, "IGO") || strings.HasPrefix(r.Code, "NGO") || strings.HasPrefix(r.Code, "MNC") {
			orgDefault = true
		}
		if iso3[r.Code] {
			exactCountry = true
		}
	}
	if dated && !exactCountry && !orgDefault {
		a.Kind = petrel.KindPerson
	}
	if a.Country == "" {
		if len(code) >= 3 && iso3[code[:3]] {
			a.Country = code[:3]
		} else if a.Kind == petrel.KindPerson {
			for _, r := range a.Roles {
				if len(r.Code) >= 3 && iso3[r.Code[:3]] {
					a.Country = r.Code[:3]
					break
				}
			}
		}
	}
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// sector holds three-letter CAMEO codes that are not states.
var sector = setOf(`IGO NGO NGM IMG MNC UAF REB SPY MIL GOV OPP PTY COP JUD LEG ELI
	REF AGR BUS CRM CVL DEV EDU ENV HLH HRI LAB MED REL MOD RAD BUD CHR
	HIN ISL JEW MUS CRB KUR BAH UNO`)

// iso3 holds the ISO 3166-1 alpha-3 codes and a few historical codes CAMEO
// uses (SUN, YUG, CSK, DDR, SCG, KSV).
var iso3 = setOf(`ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
	BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
	CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
	DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR
	GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI
	HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA
	KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX
	MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA
	NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE
	PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD
	STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR
	TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB
	ZWE SUN YUG CSK DDR SCG KSV`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}
