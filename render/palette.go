package render

import (
	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// SeverityColor is the color a finding of severity s is drawn in, for
// writers of other diagram forms (draw.io) that keep this package's look.
func SeverityColor(s analysis.Severity) string { return severityColor[s] }

// ZoneFill is the fill of a zone of kind k, "#ffffff" for an unknown kind.
func ZoneFill(k topology.ZoneKind) string {
	if c, ok := zoneFill[k]; ok {
		return c
	}
	return noZoneFill
}

// Colors of links and tunnels, for writers of other diagram forms.
const (
	EncryptedColor = encryptedColor
	TunnelColor    = tunnelColor
	PlainColor     = plainColor
	WaivedColor    = waivedColor
)
