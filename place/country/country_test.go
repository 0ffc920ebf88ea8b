package country_test

import (
	"testing"

	"petrel/place/country"
)

func TestCodes(t *testing.T) {
	for _, tt := range []struct{ iso2, iso3, fips string }{
		{"RU", "RUS", "RS"},
		{"DE", "DEU", "GM"},
		{"GB", "GBR", "UK"},
		{"IQ", "IRQ", "IZ"},
		{"XK", "XKX", "KV"},
		{"US", "USA", "US"},
	} {
		if got := country.ISO3(tt.iso2); got != tt.iso3 {
			t.Errorf("ISO3(%q) = %q, want %q", tt.iso2, got, tt.iso3)
		}
		if got := country.ISO2(tt.iso3); got != tt.iso2 {
			t.Errorf("ISO2(%q) = %q, want %q", tt.iso3, got, tt.iso2)
		}
		if got := country.FIPS(tt.iso3); got != tt.fips {
			t.Errorf("FIPS(%q) = %q, want %q", tt.iso3, got, tt.fips)
		}
	}
	if got := country.ISO3("ZZ"); got != "" {
		t.Errorf("ISO3(ZZ) = %q, want empty", got)
	}
}

// TestFIPSUnique checks that no two countries share a FIPS code, except
// where the table gives a territory its sovereign's code.
func TestFIPSUnique(t *testing.T) {
	seen := map[string]string{}
	shared := map[string]bool{"FI": true, "NL": true}
	for _, c := range []string{"AND", "ARE", "AFG", "DEU", "GBR", "FRA", "IRQ", "IRN", "SYR", "UKR", "RUS", "CHN", "IND", "PAK", "NGA", "NER", "COD", "COG", "SDN", "SSD"} {
		f := country.FIPS(c)
		if prev, ok := seen[f]; ok && !shared[f] {
			t.Errorf("FIPS %q for both %s and %s", f, prev, c)
		}
		seen[f] = c
	}
}
