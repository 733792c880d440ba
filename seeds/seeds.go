// Package seeds embeds the five seed articles that elecsec answers from when no corpus
// directory is configured. Each file is the article as received, preceded by YAML front
// matter with what is known of its publication.
package seeds

import "embed"

// FS holds the seed articles, one *.txt file each, at its root.
//
//go:embed *.txt
var FS embed.FS
