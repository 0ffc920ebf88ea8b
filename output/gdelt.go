package output

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"petrel"
	"petrel/place/country"
)

// GDELTColumns names the 61 columns of the GDELT 2.0 event table in their
// official order. The "gdelt" format writes them tab-separated, without a
// header line, as GDELT does.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
	"Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
	"Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
	"Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
	"Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
	"Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
	"Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
	"Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long",
	"Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
	"ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
	"ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT geography types.
const (
	geoNone       = "0"
	geoCountry    = "1"
	geoUSState    = "2"
	geoUSCity     = "3"
	geoWorldCity  = "4"
	geoWorldState = "5" // a first-order division outside the United States
)

// Geo is a location as GDELT's ActionGeo columns write it.
type Geo struct {
	// Type is 1 (country), 2 (US state), 3 (US city), 4 (world city) or
	// 5 (world state: a first- or second-order division).
	Type string
	// FullName is "City, Division, Country", "Division, Country" or
	// "Country", as GDELT writes it.
	FullName string
	// CountryCode is the FIPS 10-4 code ("RS" for Russia, "IZ" for Iraq).
	CountryCode string
	// ADM1Code is the FIPS country code followed by the GeoNames
	// first-order division code ("RS48", "USTX"); for a country, the
	// country code alone.
	ADM1Code string
	// FeatureID is the GeoNames id of a city, the ADM1Code of a division
	// and the country code of a country, as GDELT fills it.
	FeatureID string
}

// GDELTGeo maps a location to GDELT's geography fields. Locations from
// older stores, without a precision, are a country when their name is
// empty or the country code, else a city.
func GDELTGeo(l *petrel.Location) Geo {
	fips := country.FIPS(l.Country)
	if fips == "" {
		fips = l.Country // a code the table does not know is written as given
	}
	if l.Country == "PSE" && strings.HasPrefix(l.Admin1Code, "PS.GZ") {
		fips = "GZ" // GDELT tells the Gaza Strip from the West Bank (WE)
	}
	adm1 := ""
	if _, code, ok := strings.Cut(l.Admin1Code, "."); ok && fips != "" {
		adm1 = fips + code
	}
	if l.Country == "PSE" && adm1 != "" {
		adm1 = fips // FIPS 10-4 has the Gaza Strip and West Bank as entities of their own, without divisions
	}
	cname := country.Name(l.Country)
	if cname == "" {
		cname = l.Country
	}
	prec := l.Precision
	if prec == "" {
		prec = "city"
		if l.Name == "" || strings.EqualFold(l.Name, l.Country) {
			prec = "country"
		}
	}
	us := l.Country == "USA"
	switch prec {
	case "country":
		return Geo{Type: geoCountry, FullName: cname, CountryCode: fips, ADM1Code: fips, FeatureID: fips}
	case "admin1", "admin2":
		typ := geoWorldState
		if us {
			typ = geoUSState
		}
		name := joinNames(l.Name, cname)
		if prec == "admin2" && l.Admin1 != "" && l.Admin1 != l.Name {
			name = joinNames(l.Name, l.Admin1, cname)
		}
		return Geo{Type: typ, FullName: name, CountryCode: fips, ADM1Code: adm1, FeatureID: adm1}
	default:
		typ := geoWorldCity
		if us {
			typ = geoUSCity
		}
		id := ""
		if l.GeoNameID != 0 {
			id = strconv.Itoa(l.GeoNameID)
		}
		name := l.Name
		if l.Admin1 != "" && l.Admin1 != l.Name {
			name = joinNames(name, l.Admin1)
		}
		return Geo{Type: typ, FullName: joinNames(name, cname), CountryCode: fips, ADM1Code: adm1, FeatureID: id}
	}
}

// joinNames joins the non-empty names with ", ".
func joinNames(names ...string) string {
	out := ""
	for _, n := range names {
		if n == "" {
			continue
		}
		if out != "" {
			out += ", "
		}
		out += n
	}
	return out
}

// gdeltWriter writes the GDELT 2.0 event table. See docs/OUTPUT.md for
// the mapping and where it departs from GDELT.
type gdeltWriter struct {
	bw  *bufio.Writer
	row []byte
	// warn, if set, is told once about the first event with no date.
	warn   func(msg string)
	warned bool
}

// WithWarnings makes w report through warn what its format cannot show
// and returns w. The "gdelt" writer warns once per writer (once per run in
// the CLI) when an event and its article have no date, since its SQLDATE,
// MonthYear, Year, FractionDate and DATEADDED columns are then empty. The
// other writers have nothing to warn about and ignore it.
func WithWarnings(w Writer, warn func(msg string)) Writer {
	if g, ok := w.(*gdeltWriter); ok {
		g.warn = warn
	}
	return w
}

func newGDELT(w io.Writer) *gdeltWriter {
	return &gdeltWriter{bw: bufio.NewWriterSize(w, flushAt)}
}

func (g *gdeltWriter) Write(d *petrel.Document) error {
	for i := range d.Events {
		if e := &d.Events[i]; e.Date == "" && d.Article.Date.IsZero() && !g.warned && g.warn != nil {
			g.warned = true
			g.warn("article " + d.Article.ID + " has no date, so its events are written with empty SQLDATE, MonthYear, Year, FractionDate and DATEADDED " +
				"(give articles a date: --date, or \"date\" in JSON Lines); later undated events are not reported")
		}
		g.row = appendGDELT(g.row[:0], d, &d.Events[i])
		if _, err := g.bw.Write(g.row); err != nil {
			return err
		}
	}
	return nil
}

func (g *gdeltWriter) Close() error { return g.bw.Flush() }

// GlobalEventID is the numeric GLOBALEVENTID written for an event ID: the
// 64-bit FNV-1a hash of the ID with the top bit cleared, so it is stable
// across runs and fits a signed 64-bit integer column.
func GlobalEventID(id string) uint64 {
	// FNV-1a inline: hash/fnv would allocate its hasher and a []byte copy
	// of id for every row.
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= prime64
	}
	return h &^ (1 << 63)
}

// appendGDELT appends one tab-separated row, ending in '\n'.
func appendGDELT(b []byte, d *petrel.Document, e *petrel.Event) []byte {
	tab := func() { b = append(b, '\t') }
	field := func(s string) { b = appendTSV(b, s); tab() }

	b = strconv.AppendUint(b, GlobalEventID(e.ID), 10)
	tab()
	date, ok := eventDate(d, e)
	if ok {
		b = date.AppendFormat(b, "20060102")
		tab()
		b = date.AppendFormat(b, "200601")
		tab()
		b = date.AppendFormat(b, "2006")
		tab()
		// GDELT's FractionDate is YYYY + ((month-1)*30 + day)/365 to
		// four places, a 30-day-month approximation we copy.
		frac := float64(date.Year()) + float64((int(date.Month())-1)*30+date.Day())/365
		b = strconv.AppendFloat(b, frac, 'f', 4, 64)
		tab()
	} else {
		b = append(b, "\t\t\t\t"...)
	}

	for _, p := range [2]*petrel.Party{e.Source, e.Target} {
		a := splitActor(p)
		for _, s := range a {
			field(s)
		}
	}

	if e.SentenceIndex == 0 {
		b = append(b, '1')
	} else {
		b = append(b, '0')
	}
	tab()
	field(e.Code)
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	field(base)
	field(e.RootCode)
	b = strconv.AppendInt(b, int64(e.QuadClass), 10)
	tab()
	b = strconv.AppendFloat(b, e.Goldstein, 'f', -1, 64)
	tab()
	b = append(b, "1\t1\t1\t0\t"...) // NumMentions, NumSources, NumArticles, AvgTone

	// Actor geography is not resolved: type 0 and empty fields, as GDELT
	// writes an actor without a location.
	for range 2 {
		b = append(b, geoNone+"\t\t\t\t\t\t\t\t"...)
	}
	if l := e.Location; l != nil {
		g := GDELTGeo(l)
		field(g.Type)
		field(g.FullName)
		field(g.CountryCode)
		field(g.ADM1Code)
		field("") // ADM2Code: GDELT's are GAUL codes, which GeoNames does not give
		b = strconv.AppendFloat(b, l.Lat, 'f', -1, 64)
		tab()
		b = strconv.AppendFloat(b, l.Lon, 'f', -1, 64)
		tab()
		field(g.FeatureID)
	} else {
		b = append(b, geoNone+"\t\t\t\t\t\t\t\t"...)
	}

	if ok {
		b = date.AppendFormat(b, "20060102")
		b = append(b, "000000"...)
	}
	tab()
	url := d.Article.URL
	if url == "" {
		url = e.ArticleID
	}
	b = appendTSV(b, url)
	return append(b, '\n')
}

// eventDate is the event's date, else the article's.
func eventDate(d *petrel.Document, e *petrel.Event) (time.Time, bool) {
	if e.Date != "" {
		if t, err := time.Parse("2006-01-02", e.Date); err == nil {
			return t, true
		}
	}
	if !d.Article.Date.IsZero() {
		return d.Article.Date, true
	}
	return time.Time{}, false
}

// appendTSV appends s with tabs and line breaks turned into spaces, since
// GDELT's format has no quoting.
func appendTSV(b []byte, s string) []byte {
	if !strings.ContainsAny(s, "\t\n\r") {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}

// Indexes into the ten actor columns.
const (
	acCode = iota
	acName
	acCountry
	acKnownGroup
	acEthnic
	acReligion1
	acReligion2
	acType1
	acType2
	acType3
)

// splitActor maps a party to GDELT's ten actor columns. The code is read in
// three-letter chunks: a leading chunk equal to Party.Country is the country;
// a CAMEO role or sector code ("GOV", "IGO") fills the next free type slot;
// a CAMEO religion code the next religion slot; a region code ("EUR") the
// country slot when it is free; any other chunk is a known group ("UNO",
// "EEC"), the last one winning, as the most specific ("IGOUNOHLHWHO" →
// "WHO"). Ethnic codes are not recognised.
func splitActor(p *petrel.Party) (a [10]string) {
	if p == nil {
		return a
	}
	a[acCode] = p.Code
	a[acName] = strings.ToUpper(strings.Join(strings.Fields(p.Text), " "))
	code := p.Code
	if p.Country != "" && strings.HasPrefix(code, p.Country) {
		a[acCountry] = p.Country
		code = code[len(p.Country):]
	}
	types, rels := acType1, acReligion1
	for len(code) > 0 {
		n := min(3, len(code))
		c := code[:n]
		code = code[n:]
		switch {
		case cameoTypes[c]:
			if types <= acType3 {
				a[types] = c
				types++
			}
		case cameoReligions[c]:
			if rels <= acReligion2 {
				a[rels] = c
				rels++
			}
		case cameoRegions[c] && a[acCountry] == "":
			a[acCountry] = c
		default:
			a[acKnownGroup] = c
		}
	}
	return a
}

func set(codes ...string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// cameoTypes are the CAMEO actor role and sector codes (CAMEO manual,
// chapter 3).
var cameoTypes = set(
	"COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
	"AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB",
	"LEG", "MED", "REF", "MOD", "RAD", "IGO", "IMG", "INT", "MNC", "NGM", "NGO",
	"UIS", "SET",
)

// cameoReligions are the CAMEO religion codes.
var cameoReligions = set(
	"ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
	"HIN", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "ORT", "PRO",
	"SHI", "SHN", "SIK", "SUN", "TAO", "UDR", "ZRO",
)

// cameoRegions are the CAMEO region codes, written in the country column
// like GDELT does.
var cameoRegions = set(
	"AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU",
	"EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA",
	"SAF", "WAF", "WST",
)
