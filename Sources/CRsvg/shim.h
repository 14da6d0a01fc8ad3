#ifndef SKYPLAN_CRSVG_SHIM_H
#define SKYPLAN_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#endif
