#ifndef GTM_CYAML_SHIM_H
#define GTM_CYAML_SHIM_H
#include <yaml.h>
#endif
