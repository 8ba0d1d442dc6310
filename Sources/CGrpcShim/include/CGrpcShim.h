void CGrpcShim_placeholder(void);
