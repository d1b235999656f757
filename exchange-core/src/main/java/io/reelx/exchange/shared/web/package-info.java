/** HTTP concerns shared by every context: problem details, ETags, time conversions. */
package io.reelx.exchange.shared.web;
