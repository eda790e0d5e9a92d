//===- VHLO.td - The VHLO dialect, all of it ----------------*- tablegen -*-===//

#ifndef JAXC_DIALECT_VHLO_IR_VHLO_TD
#define JAXC_DIALECT_VHLO_IR_VHLO_TD

include "VHLOBase.td"
include "VHLOTypes.td"
include "VHLOAttrs.td"
include "VHLOOps.td"

#endif // JAXC_DIALECT_VHLO_IR_VHLO_TD
