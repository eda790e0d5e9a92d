//===- KernelsToLLVM.cpp - jaxc_rt kernels as calls through the context ---===//
//
//   jaxc_rt.matmul_f32 %a, %b, %c : memref<..>, memref<..>, memref<..>
// becomes
//   %args = alloca jaxc_matmul_f32_args_t     (in the function's entry block)
//   store {batch, m, n, k, &a[offset], a's strides, &b[..], .., &c[..], ..}
//   %ctx = load __jaxc_context
//   ctx->matmul_f32(ctx, %args)
// and jaxc_rt.conv2d_f32 likewise with jaxc_conv2d_f32_args_t, jaxc_rt.lapack
// with jaxc_lapack_args_t. The structs' layouts follow
// runtime/include/jaxc/runtime/module_format.h.
//
//===----------------------------------------------------------------------===//

#include "jaxc/Conversion/RuntimeToLLVM/RuntimeToLLVM.h"
#include "jaxc/Dialect/Runtime/IR/LapackRoutines.h"
#include "jaxc/Dialect/Runtime/IR/RuntimeOps.h"
#include "jaxc/Transforms/RuntimeContext.h"
#include "jaxc/runtime/module_format.h"

#include "mlir/Conversion/LLVMCommon/MemRefBuilder.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;

namespace {

// Helpers shared by the kernel patterns.
template <typename OpTy>
struct KernelCallLowering : ConvertOpToLLVMPattern<OpTy> {
  using ConvertOpToLLVMPattern<OpTy>::ConvertOpToLLVMPattern;

protected:
  Value i64Constant(OpBuilder &b, Location loc, int64_t value) const {
    return LLVM::ConstantOp::create(b, loc, b.getI64Type(), value);
  }

  // The address of a memref's first element.
  Value elementPointer(OpBuilder &b, Location loc, Value descriptor) const {
    MemRefDescriptor memref(descriptor);
    auto ptr = LLVM::LLVMPointerType::get(b.getContext());
    return LLVM::GEPOp::create(b, loc, ptr, b.getF32Type(),
                               memref.alignedPtr(b, loc),
                               ValueRange{memref.offset(b, loc)});
  }

  // Stores `fields` in a stack struct and calls the context's `field`
  // function with it: fn(ctx, &struct).
  void callKernel(ConversionPatternRewriter &rewriter, Operation *op,
                  jaxc::ContextField field, ArrayRef<Value> fields) const {
    Location loc = op->getLoc();
    MLIRContext *ctx = rewriter.getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto argsType = LLVM::LLVMStructType::getLiteral(
        ctx, llvm::to_vector(TypeRange(ValueRange(fields))));
    Value args;
    {
      // In the entry block, so that a loop around the op does not grow the
      // stack.
      OpBuilder::InsertionGuard guard(rewriter);
      auto func = op->getParentOfType<FunctionOpInterface>();
      rewriter.setInsertionPointToStart(&func.getFunctionBody().front());
      args = LLVM::AllocaOp::create(rewriter, loc, ptr, argsType,
                                    i64Constant(rewriter, loc, 1));
    }
    Value value = LLVM::UndefOp::create(rewriter, loc, argsType);
    for (auto [index, fieldValue] : llvm::enumerate(fields))
      value =
          LLVM::InsertValueOp::create(rewriter, loc, value, fieldValue, index);
    LLVM::StoreOp::create(rewriter, loc, value, args);
    Value context =
        jaxc::loadContext(rewriter, loc, op->getParentOfType<ModuleOp>());
    Value function = jaxc::loadContextField(rewriter, loc, context, field);
    auto functionType =
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptr, ptr});
    LLVM::CallOp::create(rewriter, loc, functionType,
                         ValueRange{function, context, args});
    rewriter.eraseOp(op);
  }
};

struct MatmulF32Lowering : KernelCallLowering<jaxc::rt::MatmulF32Op> {
  using KernelCallLowering::KernelCallLowering;

  LogicalResult
  matchAndRewrite(jaxc::rt::MatmulF32Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MemRefDescriptor lhs(adaptor.getLhs()), rhs(adaptor.getRhs());
    // jaxc_matmul_f32_args_t: batch, m, n, k, then pointer and (batch,
    // row, column) strides of a, b and c.
    SmallVector<Value> fields = {
        lhs.size(rewriter, loc, 0), lhs.size(rewriter, loc, 1),
        rhs.size(rewriter, loc, 2), lhs.size(rewriter, loc, 2)};
    for (Value operand :
         {adaptor.getLhs(), adaptor.getRhs(), adaptor.getOut()}) {
      MemRefDescriptor memref(operand);
      fields.push_back(elementPointer(rewriter, loc, operand));
      for (unsigned dim = 0; dim < 3; ++dim)
        fields.push_back(memref.stride(rewriter, loc, dim));
    }
    callKernel(rewriter, op, jaxc::ContextField::MatmulF32, fields);
    return success();
  }
};

struct Conv2dF32Lowering : KernelCallLowering<jaxc::rt::Conv2dF32Op> {
  using KernelCallLowering::KernelCallLowering;

  LogicalResult
  matchAndRewrite(jaxc::rt::Conv2dF32Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ArrayRef<int64_t> input = op.getInput().getType().getShape();
    ArrayRef<int64_t> filter = op.getFilter().getType().getShape();
    ArrayRef<int64_t> output = op.getOutput().getType().getShape();
    // jaxc_conv2d_f32_args_t, in order; shapes are static.
    int64_t sizes[] = {input[0],
                       input[1],
                       input[2],
                       input[3],
                       filter[0],
                       filter[1],
                       filter[3],
                       output[1],
                       output[2],
                       op.getStrides()[0],
                       op.getStrides()[1],
                       op.getPadding()[0],
                       op.getPadding()[1],
                       op.getDilation()[0],
                       op.getDilation()[1],
                       static_cast<int64_t>(op.getGroups())};
    SmallVector<Value> fields;
    for (int64_t size : sizes)
      fields.push_back(i64Constant(rewriter, loc, size));
    for (Value operand :
         {adaptor.getInput(), adaptor.getFilter(), adaptor.getOutput()})
      fields.push_back(elementPointer(rewriter, loc, operand));
    callKernel(rewriter, op, jaxc::ContextField::Conv2dF32, fields);
    return success();
  }
};

struct LapackLowering : KernelCallLowering<jaxc::rt::LapackOp> {
  using KernelCallLowering::KernelCallLowering;

  LogicalResult
  matchAndRewrite(jaxc::rt::LapackOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    const jaxc::rt::LapackRoutine *routine =
        jaxc::rt::lookupLapackRoutine(op.getRoutine());
    Type element =
        cast<MemRefType>(op.getInputs().front().getType()).getElementType();
    auto i32Constant = [&](int64_t value) -> Value {
      return LLVM::ConstantOp::create(rewriter, loc, rewriter.getI32Type(),
                                      value);
    };
    // jaxc_lapack_args_t: routine, dtype, batch, options[4], input_count,
    // result_count, then buffers, rows, cols and element_bytes per buffer.
    int64_t batch = 1;
    for (int64_t size : cast<MemRefType>(op.getInputs().front().getType())
                            .getShape()
                            .take_front(op.getBatchDims()))
      batch *= size;
    SmallVector<Value> fields = {i32Constant(routine->id),
                                 i32Constant(dtypeCode(element)),
                                 i64Constant(rewriter, loc, batch)};
    for (unsigned i = 0; i < 4; ++i)
      fields.push_back(i64Constant(
          rewriter, loc, i < op.getOptions().size() ? op.getOptions()[i] : 0));
    fields.push_back(i32Constant(op.getInputs().size()));
    fields.push_back(i32Constant(op.getOutputs().size()));
    SmallVector<Value> pointers, rows, cols, bytes;
    for (auto [value, converted] :
         llvm::zip(op->getOperands(), adaptor.getOperands())) {
      auto type = cast<MemRefType>(value.getType());
      ArrayRef<int64_t> matrix = type.getShape().drop_front(op.getBatchDims());
      MemRefDescriptor memref(converted);
      pointers.push_back(LLVM::GEPOp::create(
          rewriter, loc, LLVM::LLVMPointerType::get(ctx),
          getTypeConverter()->convertType(type.getElementType()),
          memref.alignedPtr(rewriter, loc),
          ValueRange{memref.offset(rewriter, loc)}));
      rows.push_back(
          i64Constant(rewriter, loc, matrix.empty() ? 1 : matrix.front()));
      cols.push_back(
          i64Constant(rewriter, loc, matrix.size() == 2 ? matrix.back() : 1));
      bytes.push_back(
          i64Constant(rewriter, loc, elementBytes(type.getElementType())));
    }
    Value null =
        LLVM::ZeroOp::create(rewriter, loc, LLVM::LLVMPointerType::get(ctx));
    Value zero = i64Constant(rewriter, loc, 0);
    for (SmallVector<Value> *array : {&pointers, &rows, &cols, &bytes}) {
      array->resize(JAXC_LAPACK_MAX_BUFFERS, array == &pointers ? null : zero);
      fields.append(*array);
    }
    callKernel(rewriter, op, jaxc::ContextField::Lapack, fields);
    return success();
  }

private:
  static int64_t elementBytes(Type type) {
    if (auto complex = dyn_cast<ComplexType>(type))
      return 2 * elementBytes(complex.getElementType());
    return type.getIntOrFloatBitWidth() / 8;
  }

  // The jaxc_dtype_t of the routine's precision (the verifier allows only
  // these four).
  static int64_t dtypeCode(Type type) {
    if (auto complex = dyn_cast<ComplexType>(type))
      return complex.getElementType().isF32() ? JAXC_DTYPE_COMPLEX64
                                              : JAXC_DTYPE_COMPLEX128;
    return type.isF32() ? JAXC_DTYPE_F32 : JAXC_DTYPE_F64;
  }
};

} // namespace

void jaxc::populateKernelsToLLVMPatterns(const LLVMTypeConverter &typeConverter,
                                         RewritePatternSet &patterns) {
  patterns.add<MatmulF32Lowering, Conv2dF32Lowering, LapackLowering>(
      typeConverter);
}
