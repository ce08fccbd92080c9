package model

import (
	"net/url"
	"strings"
	"unicode"
)

// IsEmail reports whether s could be an email address: something@domain.tld
// with no spaces. It is a typo catcher, not RFC 5322: the only proof that an
// address works is a reply, and refusing a real but odd address would be
// worse than accepting a wrong one.
func IsEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || strings.IndexByte(s, '@') != at {
		return false
	}
	if strings.ContainsAny(s, " \t\r\n,;<>()[]\\\"") {
		return false
	}
	local := s[:at]
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	return isDomain(s[at+1:])
}

// IsWebAddress reports whether s could be a profile link. It accepts an
// http or https URL with a host, or a bare domain with an optional path
// (example.org/ana), because that is what people paste from a browser bar
// or a business card. Other schemes (mailto:, ftp:, file:) are refused: a
// profile is a web page. NormalizeURL turns an accepted value into a link.
func IsWebAddress(s string) bool {
	u, err := url.Parse(NormalizeURL(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return false
	}
	host := u.Hostname()
	return host == "localhost" || isDomain(host) || isIPv4(host)
}

// NormalizeURL gives a bare domain an https:// scheme so it can be opened;
// anything that already names a scheme is returned trimmed but unchanged.
func NormalizeURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(s, "://") || hasScheme(s) {
		return s
	}
	return "https://" + s
}

// hasScheme reports a leading "scheme:" such as mailto: — but not the colon
// of a host's port (example.org:8080), which is followed by a digit.
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || strings.ContainsAny(s[:i], "/.") {
		return false
	}
	rest := s[i+1:]
	return rest == "" || rest[0] < '0' || rest[0] > '9'
}

// IsPhone reports whether s could be a phone number: it has at least one
// digit. Formats vary too much across countries to check more, and an
// extension or a note ("ext. 12", "mornings") is the user's business.
func IsPhone(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// isDomain checks for at least two dot-separated labels of letters, digits
// and hyphens (any letter, so internationalised names pass), with a top
// level of two or more characters that is not all digits.
func isDomain(d string) bool {
	d = strings.TrimSuffix(d, ".")
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && strings.IndexFunc(tld, unicode.IsLetter) >= 0
}

func isIPv4(h string) bool {
	parts := strings.Split(h, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return false
		}
	}
	return true
}
