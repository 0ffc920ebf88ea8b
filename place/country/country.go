// Package country converts between the country codes petrel meets: ISO
// 3166-1 alpha-2 (GeoNames), alpha-3 (petrel's actor and location codes)
// and FIPS 10-4 (GDELT's geography columns). It is a leaf: it imports
// nothing and embeds no data beyond a short table, so writers can use it
// without pulling in the gazetteer.
package country

import "strings"

var (
	iso3of = map[string]string{}
	iso2of = map[string]string{}
	fipsOf = map[string]string{}
	nameOf = map[string]string{}
)

func init() {
	for _, line := range strings.Split(strings.TrimSpace(codes), "\n") {
		f := strings.Fields(line)
		iso3of[f[0]] = f[1]
		iso2of[f[1]] = f[0]
		fipsOf[f[1]] = f[2]
		nameOf[f[1]] = strings.Join(f[3:], " ")
	}
}

// ISO3 returns the alpha-3 code of an alpha-2 code ("RU" → "RUS"), or ""
// for an unknown code.
func ISO3(iso2 string) string { return iso3of[iso2] }

// ISO2 returns the alpha-2 code of an alpha-3 code ("RUS" → "RU"), or ""
// for an unknown code.
func ISO2(iso3 string) string { return iso2of[iso3] }

// FIPS returns the FIPS 10-4 code of an alpha-3 code ("RUS" → "RS",
// "DEU" → "GM"), or "" for an unknown code.
func FIPS(iso3 string) string { return fipsOf[iso3] }

// Name returns the short English name of an alpha-3 code ("BOL" →
// "Bolivia"), or "".
func Name(iso3 string) string { return nameOf[iso3] }

// All returns the alpha-3 codes of every country the table knows, sorted
// by alpha-2 code.
func All() []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(codes), "\n") {
		out = append(out, strings.Fields(line)[1])
	}
	return out
}
